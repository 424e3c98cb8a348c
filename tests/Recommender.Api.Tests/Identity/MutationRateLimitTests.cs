namespace Recommender.Api.Tests.Identity;

/// <summary>Mutations are paced per token's user; queries are not.</summary>
public sealed class MutationRateLimitTests
{
    [Fact]
    public async Task Mutations_beyond_the_burst_are_429_RATE_LIMITED_per_user()
    {
        using var api = new ApiFactory();
        api.Settings["Identity:MutationBurst"] = "2";
        api.Settings["Identity:MutationsPerMinute"] = "1";
        var alice = TestTokens.Admin("acme", "alice");
        var bob = TestTokens.Admin("acme", "bob");

        var first = await Delete(api, alice);
        var second = await Delete(api, alice);
        var third = await Delete(api, alice);
        var bobs = await Delete(api, bob);
        var query = await api.PostAsync(SecretsApi.List, new { org = "acme" }, token: alice);

        Assert.Equal("NOT_FOUND", first.ErrorCode);
        Assert.Equal("NOT_FOUND", second.ErrorCode);
        Assert.Equal(429, third.Status);
        Assert.Equal("RATE_LIMITED", third.ErrorCode);
        Assert.True(third.FirstError.GetProperty("extensions").GetProperty("retryAfterSeconds").GetInt32() >= 1);
        Assert.Equal("NOT_FOUND", bobs.ErrorCode);
        Assert.False(query.Json.TryGetProperty("errors", out _), query.Body);
    }

    private static Task<GraphQLResponse> Delete(ApiFactory api, string token) =>
        api.PostAsync(SecretsApi.Delete, new { org = "acme", id = new string('0', 64) }, token: token);
}
