using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Recommender.Api.Identity;

namespace Recommender.Api.Tests.Identity;

/// <summary>Which tokens are accepted, and what a caller is told when one is not.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthenticationTests(ApiFactory api)
{
    private const string SecretsQuery = """{ secrets(org: "acme") { id } }""";

    [Fact]
    public async Task Organisation_data_without_a_token_is_UNAUTHENTICATED()
    {
        var r = await api.PostAsync(SecretsQuery);

        Assert.Equal("UNAUTHENTICATED", r.ErrorCode);
    }

    [Fact]
    public async Task Catalog_queries_stay_anonymous_by_default()
    {
        var r = await api.PostAsync("""{ providers { id } }""");

        Assert.False(r.Json.TryGetProperty("errors", out _), r.Body);
    }

    [Fact]
    public async Task A_valid_token_names_the_user_and_organisations()
    {
        var token = TestTokens.Mint("carol", ("acme", OrganizationRole.Admin), ("beta", OrganizationRole.Member));

        var r = await api.PostAsync("""{ viewer { subject organizations { organization role } } }""", token: token);

        var viewer = r.Data.GetProperty("viewer");
        Assert.Equal("carol", viewer.GetProperty("subject").GetString());
        Assert.Equal("""[{"organization":"acme","role":"ADMIN"},{"organization":"beta","role":"MEMBER"}]""",
            viewer.GetProperty("organizations").GetRawText());
    }

    [Fact]
    public async Task Without_a_token_the_viewer_is_null()
    {
        var r = await api.PostAsync("""{ viewer { subject } }""");

        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Data.GetProperty("viewer").ValueKind);
    }

    public static TheoryData<string, string> BadTokens() => new()
    {
        { "malformed", "not-a-jwt" },
        { "three garbage parts", "abc.def.ghi" },
        { "expired", Token(expires: DateTimeOffset.UtcNow.AddMinutes(-5)) },
        { "not yet valid", Token(notBefore: DateTimeOffset.UtcNow.AddMinutes(10), expires: DateTimeOffset.UtcNow.AddHours(1)) },
        { "wrong audience", Token(audience: "someone-else") },
        { "wrong key", Token(key: Encoding.UTF8.GetBytes("another-key-of-at-least-thirty-two-bytes!!")) },
        { "no expiry", Token(withoutExpiry: true) },
        { "unsigned (alg none)", Unsigned() },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_UNAUTHENTICATED_even_on_an_anonymous_query(string why, string token)
    {
        var r = await api.PostAsync("""{ providers { id } }""", token: token);

        Assert.True(r.Status == 401, $"{why}: {r}");
        Assert.Equal("UNAUTHENTICATED", r.ErrorCode);
        Assert.DoesNotContain(token, r.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_says_why_a_token_was_refused()
    {
        Assert.Contains("expired", Message(await api.PostAsync(SecretsQuery, token: Token(expires: DateTimeOffset.UtcNow.AddMinutes(-5)))), StringComparison.Ordinal);
        Assert.Contains("audience", Message(await api.PostAsync(SecretsQuery, token: Token(audience: "x"))), StringComparison.Ordinal);
        Assert.Contains("signature", Message(await api.PostAsync(SecretsQuery, token: Token(key: new byte[40]))), StringComparison.Ordinal);
        Assert.Contains("well-formed", Message(await api.PostAsync(SecretsQuery, token: "nope")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_bearer_authorization_header_is_refused()
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ providers { id } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l");

        using var response = await client.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_may_not_refresh_the_catalog()
    {
        var r = await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-test") { region } }""",
            token: TestTokens.Member(TestTokens.OperatorOrganization));

        Assert.Equal("FORBIDDEN", r.ErrorCode);
    }

    [Fact]
    public async Task An_admin_of_another_organisation_is_not_an_operator()
    {
        var r = await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-test") { region } }""", token: TestTokens.Admin("acme"));

        Assert.Equal("FORBIDDEN", r.ErrorCode);
    }

    [Fact]
    public async Task Refreshing_anonymously_is_UNAUTHENTICATED()
    {
        var r = await api.PostAsync("""mutation { refreshCatalog(provider: "alibaba", region: "cn-test") { region } }""");

        Assert.Equal("UNAUTHENTICATED", r.ErrorCode);
    }

    private static string Message(GraphQLResponse r) => r.FirstError.GetProperty("message").GetString()!;

    private static string Token(
        DateTimeOffset? expires = null, string audience = TestTokens.Audience, byte[]? key = null, DateTimeOffset? notBefore = null, bool withoutExpiry = false)
    {
        var now = DateTimeOffset.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["orgs"] = new Dictionary<string, object> { ["acme"] = "admin" } },
            IssuedAt = now.UtcDateTime,
            NotBefore = (notBefore ?? now.AddMinutes(-10)).UtcDateTime,
            Expires = withoutExpiry ? null : (expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? TestTokens.Key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Part("""{"alg":"none","typ":"JWT"}""")}.{Part($$$"""{"sub":"mallory","aud":"recommender","exp":{{{exp}}},"orgs":{"acme":"admin"}}""")}.";
    }
}
