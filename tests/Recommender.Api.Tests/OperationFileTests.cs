namespace Recommender.Api.Tests;

/// <summary>Every example in schema/operations runs against the test catalog without errors.</summary>
[Collection(ApiCollection.Name)]
public sealed class OperationFileTests(ApiFactory api)
{
    public static TheoryData<string> Files => [.. Directory.GetFiles(RepositoryPaths.Operations, "*.graphql").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Operation_runs_without_errors(string file)
    {
        var r = await api.PostAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Operations, file)));

        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        Assert.All(r.Data.EnumerateObject(), p => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public void There_are_examples() => Assert.True(Files.Count >= 5);
}
