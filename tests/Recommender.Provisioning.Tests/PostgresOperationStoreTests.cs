using Npgsql;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests;

/// <summary>The store contract on a real PostgreSQL: a schema of its own per test, two data sources as two replicas.</summary>
public sealed class PostgresOperationStoreTests(PostgresDatabase database) : OperationStoreContract, IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private readonly List<PostgresOperationStore> stores = [];
    private string? connectionString;

    [Fact]
    public async Task Replicas_starting_together_create_the_schema_once()
    {
        connectionString = await database.CreateSchemaAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Track(new PostgresOperationStore(connectionString))).ToList();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.InitializeAsync(None))));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() " +
            "AND table_name = 'provisioning_operations' AND column_name IN ('created_at', 'input') ORDER BY column_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var types = new List<string>();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0));
        }

        Assert.Equal(["timestamp with time zone", "json"], types);
    }

    [Fact]
    public async Task A_table_from_before_the_cluster_column_is_upgraded_and_its_clusters_found()
    {
        connectionString = await database.CreateSchemaAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // The table as the first release made it, with one operation whose CreateCluster step named its cluster.
            await using var command = new NpgsqlCommand("""
                CREATE TABLE provisioning_operations (
                    id text COLLATE "C" NOT NULL PRIMARY KEY, organization text NOT NULL, kind text NOT NULL,
                    idempotency_key text NULL, state text NOT NULL, credential_organization text NULL, credential_name text NULL,
                    input json NOT NULL, steps json NOT NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
                    version bigint NOT NULL, lease_owner text NULL, lease_expires_at timestamptz NULL);
                INSERT INTO provisioning_operations VALUES ('op-1', 'acme', 'CreateCluster', NULL, 'Succeeded', NULL, NULL, '{}',
                    '[{"name":"ReadCredentials","state":"Succeeded"},{"name":"CreateCluster","state":"Succeeded","clusterId":"c-old"}]',
                    now(), now(), 3, NULL, NULL);
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        var store = Track(new PostgresOperationStore(connectionString));

        Assert.Equal(["acme"], await store.FindClusterOrganizationsAsync("c-old", None));
        Assert.Equal("c-old", (await store.GetAsync("acme", "op-1", None))!.Steps[1].ClusterId);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    protected override async Task<IOperationStore> CreateStoreAsync()
    {
        connectionString = await database.CreateSchemaAsync();
        return Track(new PostgresOperationStore(connectionString));
    }

    protected override Task<IOperationStore> OpenSameDataAsync() =>
        Task.FromResult<IOperationStore>(Track(new PostgresOperationStore(connectionString ?? throw new InvalidOperationException("No store yet."))));

    private PostgresOperationStore Track(PostgresOperationStore store)
    {
        stores.Add(store);
        return store;
    }
}
