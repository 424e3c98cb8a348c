using Recommender.Api.Tests.Recommendations;

namespace Recommender.Api.Tests.Identity;

/// <summary>Recommendations kept for an organisation are read again only by its members; anonymous ones by anyone.</summary>
public sealed class OrganizationRecommendationTests(SolverApiFactory solver) : IClassFixture<SolverApiFactory>
{
    private const string Recommend = """query($org: ID) { recommendLayout(org: $org, input: { region: "cn-test", cpu: 4, memoryGiB: 8 }) { id organization } }""";
    private const string Read = "query($id: ID!) { recommendation(id: $id) { id organization } }";

    private ApiFactory App => solver.Api;

    [Fact]
    public async Task An_organisations_recommendation_is_read_by_its_members_only()
    {
        var made = await App.PostAsync(Recommend, new { org = "acme" }, token: TestTokens.Member("acme"));
        var answer = made.Data.GetProperty("recommendLayout");
        Assert.Equal("acme", answer.GetProperty("organization").GetString());
        var id = answer.GetProperty("id").GetString()!;

        var member = await App.PostAsync(Read, new { id }, token: TestTokens.Admin("acme", "another-user"));
        var outsider = await App.PostAsync(Read, new { id }, token: TestTokens.Admin("beta"));
        var anonymous = await App.PostAsync(Read, new { id });
        var unknown = await App.PostAsync(Read, new { id = "no-such-recommendation" }, token: TestTokens.Admin("beta"));

        Assert.Equal(id, member.Data.GetProperty("recommendation").GetProperty("id").GetString());
        Assert.Equal("NOT_FOUND", outsider.ErrorCode);
        Assert.Equal("NOT_FOUND", anonymous.ErrorCode);
        // Not even the wording tells an existing id of another organisation from an unknown one.
        Assert.Equal(
            Message(unknown).Replace("no-such-recommendation", id, StringComparison.Ordinal),
            Message(outsider));
    }

    [Fact]
    public async Task An_anonymous_recommendation_stays_readable_by_anyone()
    {
        var made = await App.PostAsync(Recommend, new { org = (string?)null });
        var id = made.Data.GetProperty("recommendLayout").GetProperty("id").GetString()!;

        var read = await App.PostAsync(Read, new { id }, token: TestTokens.Member("beta"));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, read.Data.GetProperty("recommendation").GetProperty("organization").ValueKind);
    }

    [Fact]
    public async Task Keeping_an_answer_for_an_organisation_needs_membership_before_any_solve()
    {
        var anonymous = await App.PostAsync(Recommend, new { org = "acme" });
        var outsider = await App.PostAsync(Recommend, new { org = "acme" }, token: TestTokens.Member("beta"));

        Assert.Equal("UNAUTHENTICATED", anonymous.ErrorCode);
        Assert.Equal("FORBIDDEN", outsider.ErrorCode);
    }

    private static string Message(GraphQLResponse r) => r.FirstError.GetProperty("message").GetString()!;
}
