using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>
/// The part of Vault's HTTP API the secret store needs: KV v2 on the configured mount, and the token's own lifecycle.
/// Paths are relative to the mount and its <c>data/</c> or <c>metadata/</c> prefix (<c>orgs/acme/3f…</c>); callers
/// validate their segments. Every call either answers or throws <see cref="Core.Errors.SecretsUnavailableException"/>
/// (sealed, unreachable, throttled or failing past the retries, too slow for the deadline, or our token refused) or
/// <see cref="VaultApiException"/> (an answer no retry can fix). Neither message ever holds a secret value or the token.
/// A future VaultSharp-based client implements the same interface.
/// </summary>
public interface IVaultClient
{
    /// <summary>The latest version (or <paramref name="version"/>); null when Vault has no such key or version.</summary>
    Task<VaultKvSecret?> ReadAsync(string path, long? version, CancellationToken ct);

    /// <summary>
    /// Writes a new version with check-and-set <paramref name="cas"/> (0: the key must not exist). A CAS mismatch is a
    /// <see cref="VaultApiException"/> with status 400; Vault does not say the current version, so ask the metadata.
    /// </summary>
    Task<VaultKvVersion> WriteAsync(string path, JsonObject data, long cas, CancellationToken ct);

    /// <summary>The key's metadata; null when there is no such key.</summary>
    Task<VaultKvMetadata?> ReadMetadataAsync(string path, CancellationToken ct);

    /// <summary>Replaces the key's <c>custom_metadata</c> (string to string; Vault allows 64 keys, 128-byte keys, 512-byte values).</summary>
    Task WriteCustomMetadataAsync(string path, IReadOnlyDictionary<string, string> customMetadata, CancellationToken ct);

    /// <summary>The keys under a folder (sub-folders end in <c>/</c>); empty when there are none.</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct);

    /// <summary>Deletes the key with every version and its metadata; a missing key is not an error.</summary>
    Task DeleteMetadataAsync(string path, CancellationToken ct);

    /// <summary>What is known about the current token; null before the first login or lookup.</summary>
    VaultTokenLease? CurrentLease { get; }

    /// <summary>
    /// Authenticates afresh: AppRole logs in for a new token; a static token is (re)read and looked up (<c>lookup-self</c>)
    /// to learn its TTL and whether it renews.
    /// </summary>
    Task<VaultTokenLease> LoginAsync(CancellationToken ct);

    /// <summary>Looks the current token up (<c>auth/token/lookup-self</c>); logs in first when there is none.</summary>
    Task<VaultTokenLease> LookupSelfAsync(CancellationToken ct);

    /// <summary>
    /// Renews the current token (<c>auth/token/renew-self</c>); null when Vault refused (403: expired or revoked; 400: not
    /// renewable), so the caller should log in again.
    /// </summary>
    Task<VaultTokenLease?> RenewSelfAsync(CancellationToken ct);

    /// <summary>Vault's <c>sys/health</c>, unauthenticated, one attempt; never throws for Vault's own answers.</summary>
    Task<VaultHealth> GetHealthAsync(CancellationToken ct);
}
