namespace Recommender.Api.Tests.Refresh;

/// <summary>
/// Every example in schema/operations/mutations runs without errors on an app whose scrapers run over the fake
/// provider (the read-only examples one folder up run on the shared app, where the scrapers are off).
/// </summary>
public sealed class RefreshOperationFileTests : IDisposable
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Operations, "mutations");

    private readonly RefreshApiFactory api = new();

    public static TheoryData<string> Files => [.. Directory.GetFiles(Folder, "*.graphql").Select(f => Path.GetFileName(f)).Order()];

    public void Dispose() => api.Dispose();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Mutation_example_runs_without_errors(string file)
    {
        var r = await api.PostAsync(await File.ReadAllTextAsync(Path.Combine(Folder, file)));

        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), r.ToString());
        Assert.All(r.Data.EnumerateObject(), p => Assert.NotEqual(System.Text.Json.JsonValueKind.Null, p.Value.ValueKind));
        Assert.NotEmpty(api.Provider.Calls);
    }

    [Fact]
    public void There_is_an_example() => Assert.NotEmpty(Files);
}
