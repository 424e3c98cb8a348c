namespace Recommender.Emulators.Vault;

/// <summary>One AppRole role and its secret_ids (id → uses left, 0 = unlimited, and expiry). Guarded by its backend's lock.</summary>
internal sealed class AppRole(string name, string roleId, VaultAppRoleSpec spec)
{
    public string Name { get; } = name;

    public string RoleId { get; } = roleId;

    public VaultAppRoleSpec Spec { get; } = spec;

    public Dictionary<string, (int UsesLeft, DateTimeOffset? ExpiresAt)> SecretIds { get; } = new(StringComparer.Ordinal);
}
