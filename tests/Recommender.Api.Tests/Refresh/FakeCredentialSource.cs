using Recommender.Core.Cloud;

namespace Recommender.Api.Tests.Refresh;

/// <summary>Credentials for every account, so the scrapers start.</summary>
public sealed class FakeCredentialSource : ICredentialSource
{
    public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct) =>
        Task.FromResult<CloudCredentials?>(new CloudCredentials("fake-key-id", "fake-secret"));
}
