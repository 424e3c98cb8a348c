using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Tests.Fakes;

/// <summary>Credentials per account; an account absent from <see cref="Accounts"/> has none.</summary>
public sealed class FakeCredentialSource : ICredentialSource
{
    public Dictionary<string, CloudCredentials> Accounts { get; } = new(StringComparer.Ordinal);

    public Task<CloudCredentials?> GetAsync(string accountRef, CancellationToken ct) =>
        Task.FromResult(Accounts.GetValueOrDefault(accountRef));
}
