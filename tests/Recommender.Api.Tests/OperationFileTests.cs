using Microsoft.AspNetCore.Mvc.Testing;
using Recommender.Api.Tests.Recommendations;

namespace Recommender.Api.Tests;

/// <summary>
/// Every example in schema/operations runs as shipped (its variables' defaults) against what a new user runs: the service
/// on its embedded defaults, i.e. the shipped sample catalog.
/// </summary>
public sealed class OperationFileTests(WebApplicationFactory<Program> service) : IClassFixture<WebApplicationFactory<Program>>
{
    public static TheoryData<string> Files => [.. Directory.GetFiles(RepositoryPaths.Operations, "*.graphql").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Operation_runs_as_shipped_without_errors(string file)
    {
        var r = await RecommendationApi.PostAsync(service, await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Operations, file)));

        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        Assert.All(r.Data.EnumerateObject(), p => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public async Task The_flagship_example_deploys_no_burstable_type_and_keeps_half_on_demand()
    {
        var r = await RecommendationApi.PostAsync(service, await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Operations, "recommend-layout.graphql")));

        var layout = r.Data.GetProperty("recommendLayout").GetProperty("layouts")[0];
        var pools = layout.GetProperty("pools").EnumerateArray().ToList();
        Assert.All(pools, p => Assert.DoesNotMatch(@"^ecs\.t\d", p.GetProperty("instanceType").GetProperty("name").GetString()));
        Assert.Contains(pools, p => p.GetProperty("capacityType").GetString() == "ON_DEMAND");
        Assert.True(layout.GetProperty("nodeCount").GetInt32() >= 3);
    }

    [Fact]
    public void There_are_examples() => Assert.True(Files.Count >= 5);
}
