using Npgsql;

namespace Recommender.Provisioning.Tests;

/// <summary>
/// A database of its own per test class on the PostgreSQL named by RECOMMENDER_TEST_POSTGRES (scripts/test.sh starts a
/// throwaway server and sets it), dropped afterwards; each test then takes a schema of its own in it.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "RECOMMENDER_TEST_POSTGRES";

    private string? admin;

    public string Name { get; } = $"provisioning_{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        admin = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Fail($"{Variable} is not set. The PostgreSQL operation store tests need a real PostgreSQL: run scripts/test.sh, " +
                "or start one and export an Npgsql connection string, e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres.");
        }

        await ExecuteAsync(admin, $"CREATE DATABASE {Name}");
    }

    /// <summary>A new empty schema; connections made from the returned string work in it (search path).</summary>
    public async Task<string> CreateSchemaAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = Name }.ConnectionString;
        await ExecuteAsync(database, $"CREATE SCHEMA {schema}");
        return new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(admin))
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
