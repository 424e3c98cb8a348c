using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Recommender.Provisioning.Operations;

/// <summary>
/// The embedded store: one SQLite file (the default is <c>operations.db</c> in the data directory) in WAL mode, so
/// readers never wait for the writer. Every write runs in a <c>BEGIN IMMEDIATE</c> transaction, which takes the file's
/// one write lock first, so creates, claims and saves are atomic across threads and processes sharing the file; a
/// writer waits up to <see cref="BusyTimeout"/> for the lock. Commits are synchronous (<c>synchronous=FULL</c>): an
/// acknowledged step survives a crash or a power cut. Times are kept as microseconds since the Unix epoch.
/// </summary>
public sealed class SqliteOperationStore : IOperationStore, IDisposable
{
    /// <summary>How long a write waits for another writer before failing with SQLITE_BUSY.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(15);

    private const string Table = OperationColumns.Table;

    private static readonly string Schema = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            id TEXT NOT NULL PRIMARY KEY,
            organization TEXT NOT NULL,
            kind TEXT NOT NULL,
            idempotency_key TEXT NULL,
            state TEXT NOT NULL,
            credential_organization TEXT NULL,
            credential_name TEXT NULL,
            input TEXT NOT NULL,
            steps TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_expires_at INTEGER NULL
        ) STRICT;
        CREATE UNIQUE INDEX IF NOT EXISTS {Table}_idempotency ON {Table} (organization, idempotency_key);
        CREATE INDEX IF NOT EXISTS {Table}_listing ON {Table} (organization, created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS {Table}_runnable ON {Table} (created_at, id) WHERE state IN ({OperationSql.RunnableStates});
        """;

    private readonly string connectionString;
    private readonly SemaphoreSlim initialization = new(1, 1);
    private volatile bool initialized;

    /// <param name="path">The database file; created, with its folder, when missing.</param>
    public SqliteOperationStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    public async Task InitializeAsync(CancellationToken ct)
    {
        if (initialized)
        {
            return;
        }

        await initialization.WaitAsync(ct);
        try
        {
            if (initialized)
            {
                return;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var connection = await ConnectAsync(ct);
            // Persistent: set once, the file stays in WAL mode for every later connection and process.
            var mode = await ScalarAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode for {FilePath} (journal mode '{mode}').");
            }

            await using var transaction = await BeginAsync(connection, ct);
            await using (var command = Command(connection, transaction, Schema))
            {
                await command.ExecuteNonQueryAsync(ct);
            }

            await AddClusterColumnAsync(connection, transaction, ct);

            await transaction.CommitAsync(ct);
            initialized = true;
        }
        finally
        {
            initialization.Release();
        }
    }

    public async Task<ProvisioningOperation> CreateAsync(ProvisioningOperation operation, CancellationToken ct)
    {
        var candidate = OperationRules.ForCreate(operation);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await BeginAsync(connection, ct);
        await using var insert = Command(connection, transaction, OperationSql.Insert);
        insert.Parameters.AddWithValue("@id", candidate.Id);
        insert.Parameters.AddWithValue("@organization", candidate.Organization);
        insert.Parameters.AddWithValue("@kind", candidate.Kind.ToString());
        insert.Parameters.AddWithValue("@key", (object?)candidate.IdempotencyKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("@state", candidate.State.ToString());
        insert.Parameters.AddWithValue("@credentialOrganization", (object?)candidate.Credentials?.Organization ?? DBNull.Value);
        insert.Parameters.AddWithValue("@credentialName", (object?)candidate.Credentials?.Name ?? DBNull.Value);
        insert.Parameters.AddWithValue("@input", candidate.Input);
        insert.Parameters.AddWithValue("@steps", OperationStepsJson.Serialize(candidate.Steps));
        insert.Parameters.AddWithValue("@cluster", (object?)OperationColumns.ClusterOf(candidate.Steps) ?? DBNull.Value);
        insert.Parameters.AddWithValue("@created", ToMicros(candidate.CreatedAt));
        insert.Parameters.AddWithValue("@updated", ToMicros(candidate.UpdatedAt));
        insert.Parameters.AddWithValue("@version", candidate.Version);
        if (await ReadOneAsync(insert, ct) is { } created)
        {
            await transaction.CommitAsync(ct);
            return created;
        }

        // Nothing inserted: the key (or the id) is taken. Still under the write lock, so the holder cannot change.
        ProvisioningOperation? existing = null;
        if (candidate.IdempotencyKey is { } key)
        {
            await using var select = Command(connection, transaction, OperationSql.SelectByKey);
            select.Parameters.AddWithValue("@organization", candidate.Organization);
            select.Parameters.AddWithValue("@key", key);
            existing = await ReadOneAsync(select, ct);
        }

        await transaction.RollbackAsync(ct);
        return existing is null ? throw OperationRules.IdTaken(candidate.Id)
            : OperationRules.IsSameRequest(existing, candidate) ? existing
            : throw OperationRules.KeyReused(existing);
    }

    public async Task<ProvisioningOperation?> GetAsync(string organization, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(ct);
        await using var select = Command(connection, null, OperationSql.SelectById);
        select.Parameters.AddWithValue("@id", id);
        select.Parameters.AddWithValue("@organization", organization);
        return await ReadOneAsync(select, ct);
    }

    public async Task<OperationPage> ListAsync(string organization, OperationQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organization);
        OperationRules.CheckQuery(query);
        var after = OperationCursor.Parse(query.Cursor);
        await using var connection = await OpenAsync(ct);
        await using var select = Command(connection, null, "");
        var where = new List<string> { "organization = @organization" };
        select.Parameters.AddWithValue("@organization", organization);
        if (query.State is { } state)
        {
            where.Add("state = @state");
            select.Parameters.AddWithValue("@state", state.ToString());
        }

        if (query.Kind is { } kind)
        {
            where.Add("kind = @kind");
            select.Parameters.AddWithValue("@kind", kind.ToString());
        }

        if (after is { } cursor)
        {
            where.Add("(created_at, id) < (@afterCreated, @afterId)");
            select.Parameters.AddWithValue("@afterCreated", cursor.CreatedMicros);
            select.Parameters.AddWithValue("@afterId", cursor.Id);
        }

        select.CommandText = OperationSql.Page(where);
        select.Parameters.AddWithValue("@limit", query.Limit + 1);
        var items = await ReadAllAsync(select, ct);
        return OperationPages.Of(items, query.Limit);
    }

    public async Task<IReadOnlyList<string>> FindClusterOrganizationsAsync(string clusterId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        await using var connection = await OpenAsync(ct);
        await using var select = Command(connection, null,
            OperationSql.ClusterOrganizations);
        select.Parameters.AddWithValue("@cluster", clusterId);
        var organizations = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            organizations.Add(reader.GetString(0));
        }

        return organizations;
    }

    public async Task<ProvisioningOperation> SaveAsync(ProvisioningOperation operation, long expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var steps = OperationRules.ForSave(operation.Steps);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await BeginAsync(connection, ct);
        await using var update = Command(connection, transaction, OperationSql.Save);
        update.Parameters.AddWithValue("@state", operation.State.ToString());
        update.Parameters.AddWithValue("@steps", OperationStepsJson.Serialize(steps));
        update.Parameters.AddWithValue("@cluster", (object?)OperationColumns.ClusterOf(steps) ?? DBNull.Value);
        update.Parameters.AddWithValue("@updated", ToMicros(OperationRules.Normalize(operation.UpdatedAt)));
        update.Parameters.AddWithValue("@id", operation.Id);
        update.Parameters.AddWithValue("@organization", operation.Organization);
        update.Parameters.AddWithValue("@expected", expectedVersion);
        if (await ReadOneAsync(update, ct) is { } saved)
        {
            await transaction.CommitAsync(ct);
            return saved;
        }

        await using var current = Command(connection, transaction, OperationSql.VersionById);
        current.Parameters.AddWithValue("@id", operation.Id);
        current.Parameters.AddWithValue("@organization", operation.Organization);
        var version = await current.ExecuteScalarAsync(ct);
        await transaction.RollbackAsync(ct);
        throw version is long found
            ? OperationRules.Stale(operation.Id, expectedVersion, found)
            : OperationRules.NotFound(operation.Id);
    }

    public async Task<ProvisioningOperation?> TryClaimAsync(string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct)
    {
        OperationRules.CheckLease(owner, leaseDuration);
        now = OperationRules.Normalize(now);
        await using var connection = await OpenAsync(ct);
        await using var transaction = await BeginAsync(connection, ct);
        await using var claim = Command(connection, transaction, OperationSql.Claim());
        claim.Parameters.AddWithValue("@owner", owner);
        claim.Parameters.AddWithValue("@until", ToMicros(OperationRules.Normalize(now + leaseDuration)));
        claim.Parameters.AddWithValue("@now", ToMicros(now));
        var claimed = await ReadOneAsync(claim, ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }

    public async Task<bool> RenewLeaseAsync(string id, string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        OperationRules.CheckLease(owner, leaseDuration);
        await using var connection = await OpenAsync(ct);
        await using var renew = Command(connection, null, OperationSql.RenewLease);
        renew.Parameters.AddWithValue("@until", ToMicros(OperationRules.Normalize(now + leaseDuration)));
        renew.Parameters.AddWithValue("@id", id);
        renew.Parameters.AddWithValue("@owner", owner);
        return await renew.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> ReleaseAsync(string id, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await using var connection = await OpenAsync(ct);
        await using var release = Command(connection, null,
            OperationSql.ReleaseLease);
        release.Parameters.AddWithValue("@id", id);
        release.Parameters.AddWithValue("@owner", owner);
        return await release.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>
    /// Adds the indexed <c>cluster_id</c> column to a file made before it existed (SQLite has no ADD COLUMN IF NOT
    /// EXISTS) and fills it for rows written then: the first cluster id their steps name.
    /// </summary>
    private static async Task AddClusterColumnAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        var present = await ScalarAsync(connection, transaction, $"SELECT count(*) FROM pragma_table_info('{Table}') WHERE name = 'cluster_id'", ct);
        if (present is long and > 0)
        {
            return;
        }

        await using var upgrade = Command(connection, transaction, $"""
            ALTER TABLE {Table} ADD COLUMN cluster_id TEXT NULL;
            CREATE INDEX IF NOT EXISTS {Table}_cluster ON {Table} (cluster_id, created_at) WHERE cluster_id IS NOT NULL;
            UPDATE {Table} SET cluster_id = (
                SELECT json_extract(e.value, '$.clusterId') FROM json_each({Table}.steps) AS e
                WHERE coalesce(json_extract(e.value, '$.clusterId'), '') <> '' ORDER BY e.key LIMIT 1)
            WHERE steps LIKE '%"clusterId"%';
            """);
        await upgrade.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        initialization.Dispose();
    }

    private static long ToMicros(DateTimeOffset time) => OperationCursor.ToMicros(time);

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => OperationCursor.FromMicros(reader.GetInt64(ordinal));

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>BEGIN IMMEDIATE: the write lock is taken now (waiting up to the busy timeout), never half-way.</summary>
    private static async Task<SqliteTransaction> BeginAsync(SqliteConnection connection, CancellationToken ct) =>
        (SqliteTransaction)await connection.BeginTransactionAsync(ct);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private static async Task<ProvisioningOperation?> ReadOneAsync(SqliteCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? OperationColumns.Read(reader, ReadTime) : null;
    }

    private static async Task<List<ProvisioningOperation>> ReadAllAsync(SqliteCommand command, CancellationToken ct)
    {
        var items = new List<ProvisioningOperation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(OperationColumns.Read(reader, ReadTime));
        }

        return items;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await InitializeAsync(ct);
        return await ConnectAsync(ct);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            // Per connection: wait for the write lock instead of failing at once; fsync every commit.
            await using var pragmas = Command(connection, null,
                $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
            await pragmas.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
