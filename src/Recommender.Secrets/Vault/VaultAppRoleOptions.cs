namespace Recommender.Secrets.Vault;

/// <summary>
/// AppRole login (<c>Secrets:Vault:AppRole</c>). Each credential comes from configuration or from a file; files are read
/// at every login, so a rotated secret id is picked up without a restart.
/// </summary>
public sealed class VaultAppRoleOptions
{
    /// <summary>The auth mount: logins go to <c>auth/{Mount}/login</c>.</summary>
    public string Mount { get; set; } = "approle";

    public string? RoleId { get; set; }

    public string? RoleIdFile { get; set; }

    public string? SecretId { get; set; }

    /// <summary>A file holding the secret id (a mounted Kubernetes secret, say).</summary>
    public string? SecretIdFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(RoleId) || !string.IsNullOrWhiteSpace(RoleIdFile);

    internal string? Problem()
    {
        if (!string.IsNullOrWhiteSpace(RoleId) && !string.IsNullOrWhiteSpace(RoleIdFile))
        {
            return "Secrets:Vault:AppRole:RoleId and RoleIdFile exclude each other.";
        }

        if (!string.IsNullOrWhiteSpace(SecretId) && !string.IsNullOrWhiteSpace(SecretIdFile))
        {
            return "Secrets:Vault:AppRole:SecretId and SecretIdFile exclude each other.";
        }

        return !IsConfigured && (!string.IsNullOrWhiteSpace(SecretId) || !string.IsNullOrWhiteSpace(SecretIdFile))
            ? "Secrets:Vault:AppRole:SecretId needs a RoleId or RoleIdFile."
            : null;
    }
}
