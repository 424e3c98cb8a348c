namespace Recommender.Emulators.Vault;

/// <summary>The emulator's ACL: path prefix + capability, longest prefix wins, <c>deny</c> beats everything (contract §11).</summary>
internal static class VaultPolicy
{
    public static bool Allows(IReadOnlyList<VaultPolicyRule>? rules, string path, string capability)
    {
        if (rules is null)
        {
            return true;
        }

        var best = rules
            .Select(r => (Rule: r, Prefix: r.PathPrefix.TrimStart('/').TrimEnd('*')))
            .Where(r => path.StartsWith(r.Prefix, StringComparison.Ordinal))
            .OrderByDescending(r => r.Prefix.Length)
            .FirstOrDefault();
        if (best.Rule is null || best.Rule.Capabilities.Contains("deny", StringComparer.Ordinal))
        {
            return false;
        }

        return best.Rule.Capabilities.Contains(capability, StringComparer.Ordinal);
    }

    /// <summary>The capability an operation needs when the backend has no finer rule.</summary>
    public static string Default(VaultOperation operation) => operation switch
    {
        VaultOperation.Read => "read",
        VaultOperation.Write => "update",
        VaultOperation.Delete => "delete",
        VaultOperation.List => "list",
        _ => "patch",
    };
}
