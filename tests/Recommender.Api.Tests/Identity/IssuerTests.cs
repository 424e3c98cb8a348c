using Recommender.Api.Identity;

namespace Recommender.Api.Tests.Identity;

/// <summary>With an issuer configured, tokens from any other issuer are refused; with anonymous queries off, everything needs a token.</summary>
public sealed class IssuerTests
{
    [Fact]
    public async Task A_token_from_another_issuer_is_UNAUTHENTICATED()
    {
        using var api = new ApiFactory();
        api.Settings["Identity:Issuer"] = "https://id.example.test";
        var orgs = new Dictionary<string, OrganizationRole> { ["acme"] = OrganizationRole.Admin };
        var foreign = TokenMinter.Mint(TestTokens.Key, "https://other.example.test", TestTokens.Audience, "mallory", orgs, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        var ours = TokenMinter.Mint(TestTokens.Key, "https://id.example.test", TestTokens.Audience, "alice", orgs, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        var refused = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: foreign);
        var accepted = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: ours);

        Assert.Equal("UNAUTHENTICATED", refused.ErrorCode);
        Assert.Contains("issuer", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(accepted.Json.TryGetProperty("errors", out _), accepted.Body);
    }

    [Fact]
    public async Task With_anonymous_queries_off_the_catalog_needs_a_token()
    {
        using var api = new ApiFactory();
        api.Settings["Identity:AllowAnonymousQueries"] = "false";

        var anonymous = await api.PostAsync("""{ providers { id } }""");
        var signedIn = await api.PostAsync("""{ providers { id } }""", token: TestTokens.Member("acme"));

        Assert.Equal(401, anonymous.Status);
        Assert.Equal("UNAUTHENTICATED", anonymous.ErrorCode);
        Assert.False(signedIn.Json.TryGetProperty("errors", out _), signedIn.Body);
    }
}
