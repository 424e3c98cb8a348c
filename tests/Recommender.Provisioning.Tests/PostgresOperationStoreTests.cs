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
