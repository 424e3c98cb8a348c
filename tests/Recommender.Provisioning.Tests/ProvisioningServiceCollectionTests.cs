using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Tests;

/// <summary>AddProvisioning: which store the configuration picks, where the SQLite file goes, and the schema at start.</summary>
public sealed class ProvisioningServiceCollectionTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("recommender-ops-di-").FullName;

    [Fact]
    public async Task Without_postgres_operations_go_to_a_sqlite_file_in_the_data_directory_created_at_start()
    {
        await using var services = Build(new() { ["DataDirectory"] = directory });

        var store = Assert.IsType<SqliteOperationStore>(services.GetRequiredService<IOperationStore>());
        Assert.Equal(Path.Combine(directory, "operations.db"), store.FilePath);
        Assert.False(File.Exists(store.FilePath));
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(store.FilePath));
    }

    [Fact]
    public async Task An_explicit_sqlite_path_wins_over_the_data_directory()
    {
        var path = Path.Combine(directory, "elsewhere", "ops.db");
        await using var services = Build(new() { ["DataDirectory"] = directory, ["Provisioning:SqlitePath"] = path });

        Assert.Equal(path, Assert.IsType<SqliteOperationStore>(services.GetRequiredService<IOperationStore>()).FilePath);
    }

    [Fact]
    public async Task A_postgres_connection_string_picks_postgres_without_connecting_yet()
    {
        await using var services = Build(new()
        {
            ["DataDirectory"] = directory,
            ["Provisioning:PostgreSql"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=1",
        });

        Assert.IsType<PostgresOperationStore>(services.GetRequiredService<IOperationStore>());
    }

    [Fact]
    public async Task A_store_that_cannot_start_is_logged_and_does_not_stop_the_host()
    {
        var blocker = Path.Combine(directory, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        await using var services = Build(new() { ["Provisioning:SqlitePath"] = Path.Combine(blocker, "operations.db") });

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        await Assert.ThrowsAnyAsync<IOException>(() => services.GetRequiredService<IOperationStore>().InitializeAsync(CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        // No CS client or secret store here: the runner (which needs them) is off, the store's registration is what is tested.
        settings["Provisioning:Runner:Enabled"] = "false";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddProvisioning(configuration);
        return services.BuildServiceProvider();
    }
}
