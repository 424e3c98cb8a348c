using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Recommender.Api.Identity;

namespace Recommender.Benchmarks;

/// <summary>
/// The load run's catalog query through the whole service in process (TestServer: routing, authentication, admission,
/// answer cache), anonymous against the same request with a bearer token, and with a header of the token's size that
/// is not a token (what the bytes alone cost). Run: dotnet run -c Release --project benchmarks/Recommender.Benchmarks --
/// --filter '*AuthenticatedRequestBenchmarks*'.
/// </summary>
[MemoryDiagnoser]
public class AuthenticatedRequestBenchmarks
{
    private const string Body = """
        {"query":"{ instanceTypes(provider: \"alibaba\", region: \"cn-hangzhou\", filter: { vcpu: { min: 4, max: 32 }, memoryGiB: { min: 8 }, architectures: [X86], availableInZone: \"cn-hangzhou-i\", maxPrice: 2 }, orderBy: { field: PRICE_PER_VCPU }, first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { name vcpu memoryGiB onDemandPrice pricePerVcpu currency } } }"}
        """;

    private static readonly byte[] Key = Encoding.UTF8.GetBytes("authenticated-request-benchmark-key-0123456789");

    private readonly byte[] body = Encoding.UTF8.GetBytes(Body);
    private WebApplicationFactory<Program> service = null!;
    private TestServer server = null!;
    private string token = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        service = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Identity:SigningKey", Encoding.UTF8.GetString(Key));
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        server = service.Server;
        token = TokenMinter.Mint(Key, "bench", "recommender", "alice", new Dictionary<string, OrganizationRole> { ["acme"] = OrganizationRole.Admin },
            DateTimeOffset.UtcNow, TimeSpan.FromHours(8));
        foreach (var header in new[] { null, "Authorization", "X-Padding" })
        {
            if (await SendAsync(header) != 200)
            {
                throw new InvalidOperationException($"The catalog query failed with {header}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => service.Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> Anonymous() => SendAsync(null);

    [Benchmark]
    public Task<int> WithToken() => SendAsync("Authorization");

    [Benchmark]
    public Task<int> WithPaddingOfTheSameSize() => SendAsync("X-Padding");

    private async Task<int> SendAsync(string? header)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/graphql";
            c.Request.ContentType = "application/json";
            c.Request.Headers.Accept = "application/graphql-response+json";
            if (header is not null)
            {
                c.Request.Headers[header] = $"Bearer {token}";
            }

            c.Request.Body = new MemoryStream(body);
        });
        return context.Response.StatusCode;
    }
}
