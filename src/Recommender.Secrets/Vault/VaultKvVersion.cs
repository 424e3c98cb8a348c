namespace Recommender.Secrets.Vault;

/// <summary>One KV v2 version's metadata (contract vault.md §4.2): what a write answers and what a read carries.</summary>
public sealed record VaultKvVersion(long Version, DateTimeOffset CreatedTime, DateTimeOffset? DeletionTime, bool Destroyed)
{
    /// <summary>False once the version is destroyed or its deletion time has passed (it then reads as 404).</summary>
    public bool IsLiveAt(DateTimeOffset now) => !Destroyed && (DeletionTime is null || DeletionTime > now);
}
