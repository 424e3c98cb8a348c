using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Recommender.Api.Identity;

namespace Recommender.Benchmarks;

/// <summary>
/// What authenticating one GraphQL request costs: ASP.NET's JwtBearer handler with our token handler, then reading the
/// caller from the principal, for a token seen before (the usual case: clients reuse a token) and a new one each time.
/// Run: dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- --filter '*AuthenticationBenchmarks*'.
/// </summary>
[MemoryDiagnoser]
public class AuthenticationBenchmarks
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("authentication-benchmark-signing-key-0123456789");

    private ServiceProvider services = null!;
    private string token = null!;
    private string[] freshTokens = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Identity:SigningKey"] = Encoding.UTF8.GetString(Key) })
            .Build();
        services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new BenchmarkEnvironment())
            .AddSingleton<Recommender.Secrets.ISecretStore>(new Recommender.Secrets.InMemorySecretStore(TimeProvider.System))
            .AddIdentity(configuration)
            .BuildServiceProvider();
        var organizations = new Dictionary<string, OrganizationRole> { ["acme"] = OrganizationRole.Admin, ["beta"] = OrganizationRole.Member };
        token = TokenMinter.Mint(Key, "bench", "recommender", "alice", organizations, DateTimeOffset.UtcNow, TimeSpan.FromHours(8));
        freshTokens = [.. Enumerable.Range(0, 200_000).Select(i =>
            TokenMinter.Mint(Key, "bench", "recommender", $"user-{i}", organizations, DateTimeOffset.UtcNow, TimeSpan.FromHours(8)))];
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<bool> Anonymous() => AuthenticateAsync(null);

    [Benchmark]
    public Task<bool> SameToken() => AuthenticateAsync(token);

    /// <summary>JwtBearer's token handler alone on the same token: the signature and claims check a remembered token skips.</summary>
    [Benchmark]
    public async Task<bool> TokenHandlerOnly()
    {
        var options = services.GetRequiredService<IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>>().Get("Bearer");
        var result = await options.TokenHandlers[0].ValidateTokenAsync(token, options.TokenValidationParameters.Clone());
        return result.IsValid;
    }

    [Benchmark]
    public Task<bool> NewTokenEachTime() => AuthenticateAsync(freshTokens[next++ % freshTokens.Length]);

    private async Task<bool> AuthenticateAsync(string? bearer)
    {
        using var scope = services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (bearer is not null)
        {
            context.Request.Headers.Authorization = $"Bearer {bearer}";
        }

        var refused = await RequestAuthentication.AuthenticateAsync(context);
        var caller = CallerIdentity.From(context.User, services.GetRequiredService<IOptions<IdentityOptions>>().Value);
        return refused is null && (bearer is null || caller is not null);
    }

    private sealed class BenchmarkEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "benchmarks";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
