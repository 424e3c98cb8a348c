using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Recommender.Api.Tests.Identity;

/// <summary>The embedded default says loudly that secrets are in memory, and Production refuses it.</summary>
public sealed class SecurityStartupTests
{
    [Fact]
    public async Task Development_starts_with_a_loud_warning_about_in_memory_secrets()
    {
        using var api = new ApiFactory();

        await api.PostAsync("""{ providers { id } }""");

        Assert.Contains(api.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("IN MEMORY ONLY", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_without_Vault_refuses_to_start()
    {
        using var api = new ProductionFactory();

        var failure = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("in-memory secret store", Flatten(failure), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : $"{e.Message} {Flatten(e.InnerException)}";

    private sealed class ProductionFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment(Environments.Production);
    }
}
