using Npgsql;

namespace Recommender.Scrapers.Tests.Cluster;

/// <summary>A database of its own per test run on the PostgreSQL named by RECOMMENDER_TEST_POSTGRES, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "RECOMMENDER_TEST_POSTGRES";

    private readonly string adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        this.adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Fail($"{Variable} is not set. The clustered Quartz tests need a real PostgreSQL: run scripts/test.sh, " +
                "or start one and export an Npgsql connection string, e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres.");
        }

        var database = new TestDatabase(admin!, $"scrapers_{Guid.NewGuid():N}");
        await database.ExecuteAsync(admin!, $"CREATE DATABASE {database.Name}");
        return database;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
