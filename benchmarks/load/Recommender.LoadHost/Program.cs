using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Core.Catalog;
using Recommender.Testing.Builders;

namespace Recommender.LoadHost;

/// <summary>
/// Runs the real service (its Program, pipeline and configuration) on Kestrel and publishes the test catalog
/// (InstanceTypes.Assorted, region alibaba/cn-test) through its own ICatalogPublisher, so a load generator has data
/// before the sample snapshot is available. Usage: dotnet run -c Release --project benchmarks/load/Recommender.LoadHost [port]
/// </summary>
public static class LoadHostProgram
{
    public static async Task Main(string[] args)
    {
        var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 8080;
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseContentRoot(Path.Combine(RepositoryRoot(), "src", "Recommender.Api")));
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        await new CatalogBuilder().WithRegion(InstanceTypes.Assorted()).PublishToAsync(
            factory.Services.GetRequiredService<ICatalogPublisher>(), CancellationToken.None);
        Console.WriteLine($"Recommender with the test catalog on http://127.0.0.1:{port}/graphql; Ctrl+C to stop.");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recommender.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (Recommender.sln not found).");
    }
}
