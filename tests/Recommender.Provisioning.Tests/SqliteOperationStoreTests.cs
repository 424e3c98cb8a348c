using Microsoft.Data.Sqlite;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests;

/// <summary>The store contract on a SQLite file of its own per test, in a temporary folder removed afterwards.</summary>
public sealed class SqliteOperationStoreTests : OperationStoreContract, IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("recommender-ops-").FullName;
    private readonly List<SqliteOperationStore> stores = [];

    private string DatabasePath => Path.Combine(directory, "data", "operations.db");

    [Fact]
    public async Task Starting_creates_the_folder_and_a_file_in_wal_mode()
    {
        var store = Track(new SqliteOperationStore(DatabasePath));

        await store.InitializeAsync(None);
        await store.InitializeAsync(None);

        Assert.True(File.Exists(DatabasePath));
        Assert.Equal(DatabasePath, store.FilePath);
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'provisioning_operations'"));
    }

    [Fact]
    public async Task A_reopened_file_keeps_every_operation_and_lease()
    {
        var organization = TestOperations.NewOrganization();
        var ids = new List<string>();
        using (var first = new SqliteOperationStore(DatabasePath))
        {
            for (var i = 0; i < 3; i++)
            {
                ids.Add((await first.CreateAsync(TestOperations.Operation(organization, $"k{i}", createdAt: TestOperations.Start.AddSeconds(i)), None)).Id);
            }

            var claimed = await first.TryClaimAsync("before-restart", Lease, TestOperations.Start, None);
            await first.SaveAsync(claimed! with { Steps = TestOperations.FilledSteps(TestOperations.Start) }, claimed.Version, None);
        }

        using var reopened = new SqliteOperationStore(DatabasePath);
        var page = await reopened.ListAsync(organization, new OperationQuery(), None);

        Assert.Equal(ids.AsEnumerable().Reverse(), page.Items.Select(o => o.Id));
        var resumed = await reopened.GetAsync(organization, ids[0], None);
        Assert.Equal("before-restart", resumed!.LeaseOwner);
        Assert.Equal(TestOperations.FilledSteps(TestOperations.Start), resumed.Steps);
        Assert.Equal(ids[1], (await reopened.TryClaimAsync("after-restart", Lease, TestOperations.Start, None))?.Id);
    }

    [Fact]
    public async Task A_file_from_before_the_cluster_column_is_upgraded_and_its_clusters_found()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            // The table as the first release made it, with one operation whose CreateCluster step named its cluster.
            await ScalarAsync(connection, """
                CREATE TABLE provisioning_operations (
                    id TEXT NOT NULL PRIMARY KEY, organization TEXT NOT NULL, kind TEXT NOT NULL, idempotency_key TEXT NULL,
                    state TEXT NOT NULL, credential_organization TEXT NULL, credential_name TEXT NULL, input TEXT NOT NULL,
                    steps TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, version INTEGER NOT NULL,
                    lease_owner TEXT NULL, lease_expires_at INTEGER NULL) STRICT;
                INSERT INTO provisioning_operations VALUES ('op-1', 'acme', 'CreateCluster', NULL, 'Succeeded', NULL, NULL, '{}',
                    '[{"name":"ReadCredentials","state":"Succeeded"},{"name":"CreateCluster","state":"Succeeded","clusterId":"c-old"}]',
                    1, 1, 3, NULL, NULL);
                """);
        }

        var store = Track(new SqliteOperationStore(DatabasePath));

        Assert.Equal(["acme"], await store.FindClusterOrganizationsAsync("c-old", None));
        Assert.Equal("c-old", (await store.GetAsync("acme", "op-1", None))!.Steps[1].ClusterId);
        Assert.Equal(["acme"], await Track(new SqliteOperationStore(DatabasePath)).FindClusterOrganizationsAsync("c-old", None));
    }

    [Fact]
    public async Task A_folder_that_cannot_be_made_fails_on_use_and_again_on_the_next_use()
    {
        var blocker = Path.Combine(directory, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var store = Track(new SqliteOperationStore(Path.Combine(blocker, "operations.db")));

        await Assert.ThrowsAnyAsync<IOException>(() => store.InitializeAsync(None));
        await Assert.ThrowsAnyAsync<IOException>(() => store.GetAsync("org", "id", None));
    }

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        Directory.Delete(directory, recursive: true);
    }

    protected override Task<IOperationStore> CreateStoreAsync() => Task.FromResult<IOperationStore>(Track(new SqliteOperationStore(DatabasePath)));

    protected override Task<IOperationStore> OpenSameDataAsync() => CreateStoreAsync();

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private SqliteOperationStore Track(SqliteOperationStore store)
    {
        stores.Add(store);
        return store;
    }
}
