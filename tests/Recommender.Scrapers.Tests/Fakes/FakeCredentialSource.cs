using System.Collections.Concurrent;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Tests.Fakes;

/// <summary>Credentials by account; <see cref="Failure"/> makes every call fail like an unreachable credential store.</summary>
public sealed class FakeCredentialSource : ICredentialSource
{
    public ConcurrentDictionary<string, CloudCredentials> Accounts { get; } = new(StringComparer.Ordinal);

    public Exception? Failure { get; set; }

    public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct) =>
        Failure is { } failure ? Task.FromException<CloudCredentials?>(failure) : Task.FromResult(Accounts.GetValueOrDefault(reference.Name));
}
