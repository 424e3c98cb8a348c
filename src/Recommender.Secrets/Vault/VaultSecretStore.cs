using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Recommender.Core.Errors;

namespace Recommender.Secrets.Vault;

/// <summary>
/// <see cref="ISecretStore"/> on Vault KV v2 in Pipeline's layout (contract §10): a secret's data at
/// <c>{mount}/data/orgs/{organization}/{id}</c> (<see cref="VaultStoredSecret"/>), listed under
/// <c>{mount}/metadata/orgs/{organization}</c>, deleted with every version through its metadata. Every data write
/// carries check-and-set: 0 on create, the expected version on update. Version is the key's current version,
/// createdAt the key's creation, updatedAt the current version's creation. Queries read only metadata: name, type,
/// tags and author are mirrored into the key's custom_metadata (<see cref="VaultSecretMirror"/>) after each write,
/// and a missing or stale mirror is rebuilt from the data once. A latest version that is soft-deleted or destroyed
/// reads as absent. Organisation and secret ids are checked to be single safe path segments before any path is built.
/// </summary>
public sealed class VaultSecretStore(IVaultClient vault, TimeProvider time, ILogger<VaultSecretStore> logger) : ISecretStore
{
    /// <summary>Metadata reads in flight for one List.</summary>
    public const int ListParallelism = 8;

    private const string Root = "orgs";

    public async Task<SecretMetadata> CreateAsync(string organization, SecretDraft draft, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        SecretStoreArguments.RequireOrganization(organization);
        var id = draft.Id;
        var path = PathOf(organization, id);
        var secret = Prepare(draft, actor);
        var data = secret.ToData();
        VaultKvVersion written;
        var createdAt = (DateTimeOffset?)null;
        try
        {
            written = await vault.WriteAsync(path, data, 0, ct).ConfigureAwait(false);
        }
        catch (VaultApiException e) when (e.Status == 400)
        {
            // Vault does not say why (CAS or otherwise), so the metadata decides: no key means it was not CAS.
            var metadata = await vault.ReadMetadataAsync(path, ct).ConfigureAwait(false);
            if (metadata is null)
            {
                throw;
            }

            createdAt = metadata.CreatedTime;
            if (await OurEarlierAttemptAsync(path, metadata, 0, secret, ct).ConfigureAwait(false) is { } ours)
            {
                written = ours;
            }
            else if (!IsLive(metadata))
            {
                // The latest version was deleted or destroyed outside this service: the name is free, and a check-and-set
                // write on the current version takes the key over without racing another creator.
                written = await WriteOrConflictAsync(organization, draft, path, data, metadata.CurrentVersion, 0, ct).ConfigureAwait(false);
            }
            else
            {
                throw AlreadyExists(organization, draft, metadata.CurrentVersion);
            }
        }

        await MirrorAsync(organization, id, path, VaultSecretMirror.Of(secret, written.Version), ct).ConfigureAwait(false);
        return ToMetadata(organization, id, secret, createdAt ?? written.CreatedTime, written);
    }

    public async Task<SecretMetadata> UpdateAsync(
        string organization, string id, SecretDraft draft, long expectedVersion, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var path = PathOf(organization, id);
        SecretSchema.RequireSameName(id, draft);
        var secret = Prepare(draft, actor);
        var metadata = await vault.ReadMetadataAsync(path, ct).ConfigureAwait(false);
        if (metadata is null || !IsLive(metadata))
        {
            throw new NotFoundException("secret", id);
        }

        if (metadata.CurrentVersion != expectedVersion)
        {
            // A retry of an update whose answer was lost finds its own version: that is success, not a conflict.
            if (await OurEarlierAttemptAsync(path, metadata, expectedVersion, secret, ct).ConfigureAwait(false) is { } ours)
            {
                await MirrorAsync(organization, id, path, VaultSecretMirror.Of(secret, ours.Version), ct).ConfigureAwait(false);
                return ToMetadata(organization, id, secret, metadata.CreatedTime, ours);
            }

            throw VersionConflict(id, draft, expectedVersion, metadata.CurrentVersion);
        }

        var written = await WriteOrConflictAsync(organization, draft, path, secret.ToData(), expectedVersion, expectedVersion, ct)
            .ConfigureAwait(false);
        await MirrorAsync(organization, id, path, VaultSecretMirror.Of(secret, written.Version), ct).ConfigureAwait(false);
        return ToMetadata(organization, id, secret, metadata.CreatedTime, written);
    }

    public async Task<SecretMetadata?> GetAsync(string organization, string id, CancellationToken ct)
    {
        var path = PathOf(organization, id);
        var metadata = await vault.ReadMetadataAsync(path, ct).ConfigureAwait(false);
        if (metadata is null || !IsLive(metadata))
        {
            return null;
        }

        var mirror = VaultSecretMirror.From(metadata.CustomMetadata);
        if (mirror is not null && mirror.Version == metadata.CurrentVersion)
        {
            return new SecretMetadata(id, organization, mirror.Name, mirror.Type, mirror.Tags, metadata.CreatedTime,
                metadata.Current!.CreatedTime, metadata.CurrentVersion, mirror.UpdatedBy);
        }

        return await RepairAsync(organization, id, path, metadata, mirror is null ? "is missing" : $"describes version {mirror.Version}", ct)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SecretMetadata>> ListAsync(string organization, CancellationToken ct)
    {
        SecretStoreArguments.RequireOrganization(organization);
        var keys = await vault.ListAsync($"{Root}/{organization}", ct).ConfigureAwait(false);
        var found = new ConcurrentBag<SecretMetadata>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = ListParallelism, CancellationToken = ct };
        // Folder keys (ending in '/') and keys that are not ids were not written by this store.
        await Parallel.ForEachAsync(keys.Where(SecretIds.IsWellFormed), options, async (id, c) =>
        {
            if (await GetAsync(organization, id, c).ConfigureAwait(false) is { } secret)
            {
                found.Add(secret);
            }
        }).ConfigureAwait(false);
        return [.. found.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteAsync(string organization, string id, CancellationToken ct)
    {
        var path = PathOf(organization, id);
        var metadata = await vault.ReadMetadataAsync(path, ct).ConfigureAwait(false);
        if (metadata is null)
        {
            return false;
        }

        // A key whose latest version was deleted outside this service reads as absent, but is cleaned up all the same.
        await vault.DeleteMetadataAsync(path, ct).ConfigureAwait(false);
        return IsLive(metadata);
    }

    public async Task<SecretValues?> ReadValuesAsync(string organization, string id, CancellationToken ct)
    {
        var path = PathOf(organization, id);
        var read = await vault.ReadAsync(path, null, ct).ConfigureAwait(false);
        if (read?.Data is null)
        {
            return null; // absent, or its latest version deleted or destroyed (Vault then sends no data)
        }

        if (VaultStoredSecret.FromData(read.Data) is { } secret)
        {
            return secret.Values;
        }

        VaultLog.UnreadableSecret(logger, organization, id, "its data is not this service's layout");
        return null;
    }

    private static string PathOf(string organization, string id)
    {
        SecretStoreArguments.RequireOrganization(organization);
        SecretStoreArguments.RequireId(id);
        return $"{Root}/{organization}/{id}";
    }

    private static VaultStoredSecret Prepare(SecretDraft draft, string actor)
    {
        var secret = VaultStoredSecret.From(draft, actor ?? "");
        return VaultSecretMirror.Of(secret, long.MaxValue).Fits()
            ? secret
            : throw new ValidationException("input",
                "the name, tags and author together are more than Vault's custom metadata holds; use fewer or shorter tags.");
    }

    private bool IsLive(VaultKvMetadata metadata) => metadata.Current is { } current && current.IsLiveAt(time.GetUtcNow());

    /// <summary>
    /// Writes with check-and-set <paramref name="cas"/>; a mismatch is a conflict reporting the version now current,
    /// unless the version after <paramref name="cas"/> holds exactly this write (an attempt that succeeded but whose
    /// answer was lost, then retried).
    /// </summary>
    private async Task<VaultKvVersion> WriteOrConflictAsync(
        string organization, SecretDraft draft, string path, JsonObject data, long cas, long expected, CancellationToken ct)
    {
        try
        {
            return await vault.WriteAsync(path, data, cas, ct).ConfigureAwait(false);
        }
        catch (VaultApiException e) when (e.Status == 400)
        {
            var metadata = await vault.ReadMetadataAsync(path, ct).ConfigureAwait(false);
            if (metadata is null)
            {
                if (expected == 0)
                {
                    throw;
                }

                throw new NotFoundException("secret", draft.Id);
            }

            if (metadata.CurrentVersion == cas)
            {
                throw; // the version did not move, so this 400 is not a check-and-set mismatch
            }

            var secret = VaultStoredSecret.FromData(data);
            if (secret is not null && await OurEarlierAttemptAsync(path, metadata, cas, secret, ct).ConfigureAwait(false) is { } ours)
            {
                return ours;
            }

            throw expected == 0
                ? AlreadyExists(organization, draft, metadata.CurrentVersion)
                : VersionConflict(draft.Id, draft, expected, metadata.CurrentVersion);
        }
    }

    private async Task<VaultKvVersion?> OurEarlierAttemptAsync(
        string path, VaultKvMetadata metadata, long cas, VaultStoredSecret secret, CancellationToken ct)
    {
        if (metadata.CurrentVersion != cas + 1)
        {
            return null;
        }

        var read = await vault.ReadAsync(path, cas + 1, ct).ConfigureAwait(false);
        return read?.Data is not null && VaultStoredSecret.FromData(read.Data) is { } stored && stored.SameAs(secret) ? read.Metadata : null;
    }

    /// <summary>
    /// Writes the mirror. The data write before it is what counts, so a failure here is logged, not thrown: the next
    /// reader finds the mirror stale and rebuilds it.
    /// </summary>
    private async Task MirrorAsync(string organization, string id, string path, VaultSecretMirror mirror, CancellationToken ct)
    {
        try
        {
            await vault.WriteCustomMetadataAsync(path, mirror.ToCustomMetadata(), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SecretsUnavailableException or VaultApiException)
        {
            VaultLog.MirrorWriteFailed(logger, organization, id, mirror.Version, e.Message);
        }
    }

    private async Task<SecretMetadata?> RepairAsync(
        string organization, string id, string path, VaultKvMetadata metadata, string problem, CancellationToken ct)
    {
        VaultLog.RepairingMirror(logger, organization, id, problem);
        var read = await vault.ReadAsync(path, null, ct).ConfigureAwait(false);
        if (read?.Data is null)
        {
            return null; // deleted in between
        }

        if (VaultStoredSecret.FromData(read.Data) is not { } secret)
        {
            VaultLog.UnreadableSecret(logger, organization, id, "its data is not this service's layout");
            return null;
        }

        await MirrorAsync(organization, id, path, VaultSecretMirror.Of(secret, read.Metadata.Version), ct).ConfigureAwait(false);
        return ToMetadata(organization, id, secret, metadata.CreatedTime, read.Metadata);
    }

    private static SecretMetadata ToMetadata(
        string organization, string id, VaultStoredSecret secret, DateTimeOffset createdAt, VaultKvVersion version) =>
        new(id, organization, secret.Name, secret.Type, secret.Tags, createdAt, version.CreatedTime, version.Version, secret.UpdatedBy);

    private static ConflictException AlreadyExists(string organization, SecretDraft draft, long currentVersion) =>
        new("secret", draft.Id, $"Organisation '{organization}' already has a secret named '{draft.Name}'.", 0, currentVersion);

    private static ConflictException VersionConflict(string id, SecretDraft draft, long expected, long current) =>
        new("secret", id, $"Secret '{draft.Name}' is at version {current}, not {expected}: read it again.", expected, current);
}
