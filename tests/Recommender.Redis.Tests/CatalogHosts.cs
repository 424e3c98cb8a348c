using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recommender.Api.Catalog;
using Recommender.Core.Snapshots;

namespace Recommender.Redis.Tests;

/// <summary>Hosts built the way the service builds them: configuration, then <c>AddCatalog</c>, nothing else.</summary>
internal static class CatalogHosts
{
    public static IHost Build(IDictionary<string, string?> settings, CapturedLogs logs, string[]? commandLine = null,
        Action<IServiceCollection>? before = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddCommandLine(commandLine ?? []);
        builder.Logging.AddProvider(logs);
        before?.Invoke(builder.Services);
        builder.Services.AddCatalog(builder.Configuration);
        return builder.Build();
    }

    public static string WriteSnapshot(string directory, CatalogDocument document)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.json");
        using var file = File.Create(path);
        CatalogSnapshotWriter.WriteAsync(file, document, CancellationToken.None).GetAwaiter().GetResult();
        return path;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after a generous bound so a hang cannot pass.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }
}
