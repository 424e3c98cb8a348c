using System.Collections.Concurrent;
using Recommender.Core.Errors;

namespace Recommender.Secrets;

/// <summary>
/// The embedded default: secrets in this process's memory, gone on restart. For development and tests only; the host
/// warns loudly when it uses this store and refuses it in Production. Same rules as the Vault store (versions,
/// check-and-set, per-organisation isolation, <see cref="SecretStoreArguments"/>), checked by the same contract suite.
/// </summary>
public sealed class InMemorySecretStore(TimeProvider time) : ISecretStore
{
    private readonly ConcurrentDictionary<(string Organization, string Id), Entry> secrets = new();

    public Task<SecretMetadata> CreateAsync(string organization, SecretDraft draft, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        SecretStoreArguments.RequireOrganization(organization);
        ct.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var entry = new Entry(Metadata(organization, draft, actor, now, now, 1), draft.Values);
        if (!secrets.TryAdd((organization, draft.Id), entry))
        {
            throw new ConflictException("secret", draft.Id, $"Organisation '{organization}' already has a secret named '{draft.Name}'.", 0,
                secrets.TryGetValue((organization, draft.Id), out var existing) ? existing.Metadata.Version : null);
        }

        return Task.FromResult(entry.Metadata);
    }

    public Task<SecretMetadata> UpdateAsync(string organization, string id, SecretDraft draft, long expectedVersion, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Require(organization, id);
        ct.ThrowIfCancellationRequested();
        SecretSchema.RequireSameName(id, draft);
        while (true)
        {
            if (!secrets.TryGetValue((organization, id), out var current))
            {
                throw new NotFoundException("secret", id);
            }

            if (current.Metadata.Version != expectedVersion)
            {
                throw new ConflictException("secret", id,
                    $"Secret '{current.Metadata.Name}' is at version {current.Metadata.Version}, not {expectedVersion}: read it again.",
                    expectedVersion, current.Metadata.Version);
            }

            var updated = new Entry(
                Metadata(organization, draft, actor, current.Metadata.CreatedAt, time.GetUtcNow(), current.Metadata.Version + 1), draft.Values);
            if (secrets.TryUpdate((organization, id), updated, current))
            {
                return Task.FromResult(updated.Metadata);
            }
        }
    }

    public Task<SecretMetadata?> GetAsync(string organization, string id, CancellationToken ct)
    {
        Require(organization, id);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(secrets.TryGetValue((organization, id), out var entry) ? entry.Metadata : null);
    }

    public Task<IReadOnlyList<SecretMetadata>> ListAsync(string organization, CancellationToken ct)
    {
        SecretStoreArguments.RequireOrganization(organization);
        ct.ThrowIfCancellationRequested();
        IReadOnlyList<SecretMetadata> list = [.. secrets
            .Where(p => string.Equals(p.Key.Organization, organization, StringComparison.Ordinal))
            .Select(p => p.Value.Metadata)
            .OrderBy(m => m.Name, StringComparer.Ordinal)];
        return Task.FromResult(list);
    }

    public Task<bool> DeleteAsync(string organization, string id, CancellationToken ct)
    {
        Require(organization, id);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(secrets.TryRemove((organization, id), out _));
    }

    public Task<SecretValues?> ReadValuesAsync(string organization, string id, CancellationToken ct)
    {
        Require(organization, id);
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(secrets.TryGetValue((organization, id), out var entry) ? entry.Values : null);
    }

    private static void Require(string organization, string id)
    {
        SecretStoreArguments.RequireOrganization(organization);
        SecretStoreArguments.RequireId(id);
    }

    private static SecretMetadata Metadata(string organization, SecretDraft draft, string actor, DateTimeOffset created, DateTimeOffset updated, long version) =>
        new(draft.Id, organization, draft.Name, draft.Type, SecretSchema.NormaliseTags(draft.Tags), created, updated, version, actor);

    private sealed record Entry(SecretMetadata Metadata, SecretValues Values);
}
