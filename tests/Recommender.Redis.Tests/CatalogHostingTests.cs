using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Catalog;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.Testing.Stores;

namespace Recommender.Redis.Tests;

/// <summary>AddCatalog with the in-memory store: start-up import, status, the export command.</summary>
public sealed class CatalogHostingTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("recommender-hosting-").FullName;
    private readonly CapturedLogs logs = new();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Catalog_switch_on_the_command_line_is_imported_at_start()
    {
        var file = CatalogHosts.WriteSnapshot(directory, TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 3, typeCount: 4)));
        using var host = CatalogHosts.Build(new Dictionary<string, string?>(), logs, ["--catalog", file]);

        await host.StartAsync();

        Assert.IsType<InMemoryCatalogStore>(host.Services.GetRequiredService<ICatalogStore>());
        Assert.Same(host.Services.GetRequiredService<ICatalog>(), host.Services.GetRequiredService<ICatalogPublisher>());
        Assert.Equal(4, host.Services.GetRequiredService<ICatalog>().Current.Find(TestCatalogs.Key("cn-hangzhou"))!.InstanceTypes.Count);
        var health = host.Services.GetRequiredService<ICatalogStatus>().GetHealth();
        Assert.True(health.IsLoaded);
        Assert.Equal(CatalogStatus.MemoryStore, health.StoreKind);
        Assert.Equal(StoreState.Available, health.StoreState);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(file, StringComparison.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_malformed_file_at_start_is_logged_with_its_place_and_loads_nothing()
    {
        var broken = TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 3, typeCount: 4));
        var file = CatalogHosts.WriteSnapshot(directory, broken with { Format = "recommender-catalog/v0" });
        using var host = CatalogHosts.Build(new Dictionary<string, string?> { ["Catalog:File"] = file }, logs);

        await host.StartAsync();

        Assert.False(host.Services.GetRequiredService<ICatalogStatus>().GetHealth().IsLoaded);
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("$.format", error.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Region_status_reports_age_and_staleness_from_the_clock()
    {
        var time = new FakeTimeProvider(TestCatalogs.Epoch.AddHours(10));
        using var host = CatalogHosts.Build(new Dictionary<string, string?> { ["Catalog:StaleAfter"] = "06:00:00" }, logs,
            before: s => s.AddSingleton<TimeProvider>(time));
        var publisher = host.Services.GetRequiredService<ICatalogPublisher>();
        await publisher.PublishAsync(TestCatalogs.Region("cn-hangzhou", 1, typeCount: 5, updatedAt: TestCatalogs.Epoch), CancellationToken.None);
        await publisher.PublishAsync(TestCatalogs.Region("cn-beijing", 2, source: CatalogSource.Live, updatedAt: TestCatalogs.Epoch.AddHours(8)),
            CancellationToken.None);
        var status = host.Services.GetRequiredService<ICatalogStatus>();

        var regions = status.GetRegions().ToDictionary(r => r.Key.Region);

        Assert.Equal(new RegionCatalogStatus(TestCatalogs.Key("cn-hangzhou"), CatalogSource.Snapshot, TestCatalogs.Epoch, TimeSpan.FromHours(10), true, 1, 5),
            regions["cn-hangzhou"]);
        Assert.Equal(new RegionCatalogStatus(TestCatalogs.Key("cn-beijing"), CatalogSource.Live, TestCatalogs.Epoch.AddHours(8), TimeSpan.FromHours(2), false, 2, 3),
            regions["cn-beijing"]);
        Assert.Equal(TestCatalogs.Epoch.AddHours(10), status.GetHealth().LastStoreSuccessAt);

        time.Advance(TimeSpan.FromHours(5));
        Assert.True(status.GetRegions().Single(r => r.Key.Region == "cn-beijing").IsStale);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Export_command_writes_the_loaded_catalog_to_a_file_that_imports_again(bool verbFirst)
    {
        var source = CatalogHosts.WriteSnapshot(directory,
            TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 3, typeCount: 4), TestCatalogs.Region("cn-beijing", 5, typeCount: 7)));
        var target = Path.Combine(directory, "export.json");
        string[] args = verbFirst ? ["export-catalog", target, "--catalog", source] : ["--catalog", source, "export-catalog", target];
        using var host = CatalogHosts.Build(new Dictionary<string, string?>(), logs, args);

        Assert.False(await CatalogCommands.TryRunAsync(["--catalog", source], host.Services));
        Assert.True(await CatalogCommands.TryRunAsync(args, host.Services));

        await using var exported = File.OpenRead(target);
        var document = await CatalogSnapshotReader.ReadAsync(exported, CancellationToken.None);
        Assert.Equal(["cn-beijing", "cn-hangzhou"], document.Regions.Select(r => r.Region.Id));
        Assert.Equal([7, 4], document.Regions.Select(r => r.InstanceTypes.Count));
        Assert.False(File.Exists(target + ".partial"));
    }
}
