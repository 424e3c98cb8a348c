namespace Recommender.Secrets.Vault;

/// <summary>A key's KV v2 metadata (contract vault.md §4.3): no data, so reading it never moves a secret value.</summary>
public sealed record VaultKvMetadata(
    long CurrentVersion,
    DateTimeOffset CreatedTime,
    DateTimeOffset UpdatedTime,
    IReadOnlyDictionary<string, string> CustomMetadata,
    IReadOnlyDictionary<long, VaultKvVersion> Versions)
{
    /// <summary>The current version's metadata, when Vault still keeps it.</summary>
    public VaultKvVersion? Current => Versions.GetValueOrDefault(CurrentVersion);
}
