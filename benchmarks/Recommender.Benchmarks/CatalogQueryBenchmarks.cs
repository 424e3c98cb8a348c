using BenchmarkDotNet.Attributes;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.GraphQL;
using Recommender.Core.Catalog;
using Recommender.Testing.Builders;

namespace Recommender.Benchmarks;

/// <summary>
/// The filtered instanceTypes query through the real schema, executer and serializer, on a ~170-type region built
/// with <see cref="InstanceTypes.Assorted"/>. Run: dotnet run -c Release --project benchmarks/Recommender.Benchmarks --
/// --filter '*CatalogQueryBenchmarks*'.
/// </summary>
[MemoryDiagnoser]
public class CatalogQueryBenchmarks
{
    private const string FilteredQuery = """
        { instanceTypes(provider: "alibaba", region: "cn-test",
            filter: { vcpu: { min: 4, max: 32 }, memoryGiB: { min: 8 }, architectures: [X86], availableInZone: "cn-test-a", maxPrice: 2 },
            orderBy: { field: PRICE_PER_VCPU }, first: 20) {
            totalCount pageInfo { hasNextPage endCursor } nodes { name vcpu memoryGiB onDemandPrice pricePerVcpu currency } } }
        """;

    private const string CountOnlyQuery = """
        { instanceTypes(provider: "alibaba", region: "cn-test", filter: { categories: [GENERAL, COMPUTE], currentGeneration: true }, first: 0) {
            totalCount } }
        """;

    private ServiceProvider services = null!;
    private IDocumentExecuter<ISchema> executer = null!;
    private IGraphQLTextSerializer serializer = null!;
    private CatalogSnapshot snapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = new InProcessCatalog(new InMemoryCatalogStore());
        catalog.Adopt(CatalogBuilder.Region(InstanceTypes.Assorted()));
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ICatalog>(catalog)
            .AddGraphQLApi(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        executer = services.GetRequiredService<IDocumentExecuter<ISchema>>();
        serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        snapshot = catalog.Current;
        if (Execute(FilteredQuery).Result is { Errors.Count: > 0 } failed)
        {
            throw new InvalidOperationException(serializer.Serialize(failed));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    /// <summary>Parse, validate (incl. complexity), execute and serialize a filtered page of 20.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> FilteredPage() => await ExecuteAndWriteAsync(FilteredQuery);

    [Benchmark]
    public async Task<long> CountOnly() => await ExecuteAndWriteAsync(CountOnlyQuery);

    private async Task<long> ExecuteAndWriteAsync(string query)
    {
        var result = await Execute(query);
        using var sink = new MemoryStream();
        await serializer.WriteAsync(sink, result);
        return sink.Length;
    }

    private Task<ExecutionResult> Execute(string query) => executer.ExecuteAsync(new ExecutionOptions
    {
        Query = query,
        Root = snapshot,
        RequestServices = services,
    });
}
