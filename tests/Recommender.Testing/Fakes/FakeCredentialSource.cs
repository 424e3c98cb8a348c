using System.Collections.Concurrent;
using Recommender.Core.Cloud;

namespace Recommender.Testing.Fakes;

/// <summary>
/// Credentials by exact <see cref="CredentialReference"/> (organisation and secret id, or a service account); null for
/// any other reference, like a store without that secret. Records every reference asked for.
/// </summary>
public sealed class FakeCredentialSource : ICredentialSource
{
    private readonly ConcurrentQueue<CredentialReference> requested = new();

    public ConcurrentDictionary<CredentialReference, CloudCredentials> Secrets { get; } = new();

    /// <summary>Every reference asked for, in order.</summary>
    public IReadOnlyList<CredentialReference> Requested => [.. requested];

    public FakeCredentialSource With(CredentialReference reference, string accessKeyId, string accessKeySecret)
    {
        Secrets[reference] = new CloudCredentials(accessKeyId, accessKeySecret);
        return this;
    }

    public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reference);
        requested.Enqueue(reference);
        return Task.FromResult(Secrets.GetValueOrDefault(reference));
    }
}
