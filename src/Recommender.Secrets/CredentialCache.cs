using System.Collections.Concurrent;
using Recommender.Core.Cloud;

namespace Recommender.Secrets;

/// <summary>
/// Credentials read from the store, kept briefly for the signer. One shared instance: the credential source fills it,
/// <see cref="SecretService"/> empties an entry the moment the secret changes, so a rotated key is used at once.
/// </summary>
public sealed class CredentialCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Organization, string Id), (CloudCredentials Credentials, DateTimeOffset Until)> entries = new();

    public bool TryGet(string organization, string id, out CloudCredentials credentials)
    {
        if (entries.TryGetValue((organization, id), out var entry) && entry.Until > time.GetUtcNow())
        {
            credentials = entry.Credentials;
            return true;
        }

        credentials = null!;
        return false;
    }

    public void Add(string organization, string id, CloudCredentials credentials, TimeSpan keepFor)
    {
        if (keepFor > TimeSpan.Zero)
        {
            entries[(organization, id)] = (credentials, time.GetUtcNow() + keepFor);
        }
    }

    public void Forget(string organization, string id) => entries.TryRemove((organization, id), out _);
}
