using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Recommender.Provisioning.Operations;

/// <summary>
/// The store for several replicas: one PostgreSQL table (in the connection's search path), created on first use under
/// an advisory lock so replicas starting together do not race. Claims take the oldest runnable row with
/// <c>FOR UPDATE SKIP LOCKED</c> inside one UPDATE, so concurrent claimers never wait on nor share a row; creates rely
/// on the unique (organisation, idempotency key) index with <c>ON CONFLICT DO NOTHING</c>. Times are timestamptz;
/// the input and the steps are <c>json</c> (kept verbatim, unlike jsonb).
/// </summary>
public sealed class PostgresOperationStore : IOperationStore, IAsyncDisposable
{
    private const string Table = OperationColumns.Table;

    /// <summary>Serialises schema creation across replicas ("RecOpsSc" as a number); released when the transaction ends.</summary>
    private const long SchemaLock = 0x5265634F70735363;

    private static readonly string Schema = $"""
        SELECT pg_advisory_xact_lock({SchemaLock});
        CREATE TABLE IF NOT EXISTS {Table} (
            id text COLLATE "C" NOT NULL PRIMARY KEY,
            organization text NOT NULL,
            kind text NOT NULL,
            idempotency_key text NULL,
            state text NOT NULL,
            credential_organization text NULL,
            credential_name text NULL,
            input json NOT NULL,
            steps json NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version bigint NOT NULL,
            lease_owner text NULL,
            lease_expires_at timestamptz NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS {Table}_idempotency ON {Table} (organization, idempotency_key);
        CREATE INDEX IF NOT EXISTS {Table}_listing ON {Table} (organization, created_at DESC, id DESC);
        CREATE INDEX IF NOT EXISTS {Table}_runnable ON {Table} (created_at, id) WHERE state IN ({OperationSql.RunnableStates});
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS cluster_id text COLLATE "C" NULL;
        CREATE INDEX IF NOT EXISTS {Table}_cluster ON {Table} (cluster_id, created_at) WHERE cluster_id IS NOT NULL;
        -- Rows written before the column existed: the first cluster id their steps name.
        UPDATE {Table} SET cluster_id = (
            SELECT e.step->>'clusterId' FROM json_array_elements(steps) WITH ORDINALITY AS e(step, n)
            WHERE COALESCE(e.step->>'clusterId', '') <> '' ORDER BY e.n LIMIT 1)
        WHERE cluster_id IS NULL AND steps::text LIKE '%"clusterId"%';
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly SemaphoreSlim initialization = new(1, 1);
    private volatile bool initialized;

    /// <param name="connectionString">An Npgsql connection string; its <c>Search Path</c>, if any, picks the schema.</param>
    public PostgresOperationStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        dataSource = NpgsqlDataSource.Create(connectionString);
    }

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

            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var command = new NpgsqlCommand(Schema, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(ct);
            }

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
        // Read committed: a concurrent insert of the same key makes this one wait for its commit, then do nothing.
        await using var insert = new NpgsqlCommand(OperationSql.Insert, connection);
        insert.Parameters.Add(Text("id", candidate.Id));
        insert.Parameters.Add(Text("organization", candidate.Organization));
        insert.Parameters.Add(Text("kind", candidate.Kind.ToString()));
        insert.Parameters.Add(Text("key", candidate.IdempotencyKey));
        insert.Parameters.Add(Text("state", candidate.State.ToString()));
        insert.Parameters.Add(Text("credentialOrganization", candidate.Credentials?.Organization));
        insert.Parameters.Add(Text("credentialName", candidate.Credentials?.Name));
        insert.Parameters.Add(Json("input", candidate.Input));
        insert.Parameters.Add(Json("steps", OperationStepsJson.Serialize(candidate.Steps)));
        insert.Parameters.Add(Text("cluster", OperationColumns.ClusterOf(candidate.Steps)));
        insert.Parameters.Add(Time("created", candidate.CreatedAt));
        insert.Parameters.Add(Time("updated", candidate.UpdatedAt));
        insert.Parameters.Add(new NpgsqlParameter<long>("version", candidate.Version));
        if (await ReadOneAsync(insert, ct) is { } created)
        {
            return created;
        }

        ProvisioningOperation? existing = null;
        if (candidate.IdempotencyKey is { } key)
        {
            await using var select = new NpgsqlCommand(
                OperationSql.SelectByKey, connection);
            select.Parameters.Add(Text("organization", candidate.Organization));
            select.Parameters.Add(Text("key", key));
            existing = await ReadOneAsync(select, ct);
        }

        return existing is null ? throw OperationRules.IdTaken(candidate.Id)
            : OperationRules.IsSameRequest(existing, candidate) ? existing
            : throw OperationRules.KeyReused(existing);
    }

    public async Task<ProvisioningOperation?> GetAsync(string organization, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(ct);
        await using var select = new NpgsqlCommand(OperationSql.SelectById, connection);
        select.Parameters.Add(Text("id", id));
        select.Parameters.Add(Text("organization", organization));
        return await ReadOneAsync(select, ct);
    }

    public async Task<OperationPage> ListAsync(string organization, OperationQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(organization);
        OperationRules.CheckQuery(query);
        var after = OperationCursor.Parse(query.Cursor);
        await using var connection = await OpenAsync(ct);
        await using var select = new NpgsqlCommand { Connection = connection };
        var where = new List<string> { "organization = @organization" };
        select.Parameters.Add(Text("organization", organization));
        if (query.State is { } state)
        {
            where.Add("state = @state");
            select.Parameters.Add(Text("state", state.ToString()));
        }

        if (query.Kind is { } kind)
        {
            where.Add("kind = @kind");
            select.Parameters.Add(Text("kind", kind.ToString()));
        }

        if (after is { } cursor)
        {
            where.Add("(created_at, id) < (@afterCreated, @afterId)");
            select.Parameters.Add(Time("afterCreated", OperationCursor.FromMicros(cursor.CreatedMicros)));
            select.Parameters.Add(Text("afterId", cursor.Id));
        }

        select.CommandText = OperationSql.Page(where);
        select.Parameters.Add(new NpgsqlParameter<int>("limit", query.Limit + 1));
        var items = new List<ProvisioningOperation>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(OperationColumns.Read(reader, ReadTime));
        }

        return OperationPages.Of(items, query.Limit);
    }

    public async Task<IReadOnlyList<string>> FindClusterOrganizationsAsync(string clusterId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterId);
        await using var connection = await OpenAsync(ct);
        await using var select = new NpgsqlCommand(
            OperationSql.ClusterOrganizations, connection);
        select.Parameters.Add(Text("cluster", clusterId));
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
        await using var update = new NpgsqlCommand(OperationSql.Save, connection);
        update.Parameters.Add(Text("state", operation.State.ToString()));
        update.Parameters.Add(Json("steps", OperationStepsJson.Serialize(steps)));
        update.Parameters.Add(Text("cluster", OperationColumns.ClusterOf(steps)));
        update.Parameters.Add(Time("updated", operation.UpdatedAt));
        update.Parameters.Add(Text("id", operation.Id));
        update.Parameters.Add(Text("organization", operation.Organization));
        update.Parameters.Add(new NpgsqlParameter<long>("expected", expectedVersion));
        if (await ReadOneAsync(update, ct) is { } saved)
        {
            return saved;
        }

        await using var current = new NpgsqlCommand(OperationSql.VersionById, connection);
        current.Parameters.Add(Text("id", operation.Id));
        current.Parameters.Add(Text("organization", operation.Organization));
        throw await current.ExecuteScalarAsync(ct) is long found
            ? OperationRules.Stale(operation.Id, expectedVersion, found)
            : OperationRules.NotFound(operation.Id);
    }

    public async Task<ProvisioningOperation?> TryClaimAsync(string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct)
    {
        OperationRules.CheckLease(owner, leaseDuration);
        await using var connection = await OpenAsync(ct);
        // SKIP LOCKED: a row another claimer is taking is passed over, not waited for; a row claimed and committed
        // meanwhile is re-checked against the condition (its lease is live now) and passed over too.
        await using var claim = new NpgsqlCommand(OperationSql.Claim(" FOR UPDATE SKIP LOCKED"), connection);
        claim.Parameters.Add(Text("owner", owner));
        claim.Parameters.Add(Time("until", now + leaseDuration));
        claim.Parameters.Add(Time("now", now));
        return await ReadOneAsync(claim, ct);
    }

    public async Task<bool> RenewLeaseAsync(string id, string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        OperationRules.CheckLease(owner, leaseDuration);
        await using var connection = await OpenAsync(ct);
        await using var renew = new NpgsqlCommand(OperationSql.RenewLease, connection);
        renew.Parameters.Add(Time("until", now + leaseDuration));
        renew.Parameters.Add(Text("id", id));
        renew.Parameters.Add(Text("owner", owner));
        return await renew.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> ReleaseAsync(string id, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        await using var connection = await OpenAsync(ct);
        await using var release = new NpgsqlCommand(
            OperationSql.ReleaseLease, connection);
        release.Parameters.Add(Text("id", id));
        release.Parameters.Add(Text("owner", owner));
        return await release.ExecuteNonQueryAsync(ct) == 1;
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        initialization.Dispose();
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Json(string name, string value) => new(name, NpgsqlDbType.Json) { Value = value };

    /// <summary>timestamptz wants UTC; normalising also drops what it could not hold (below a microsecond).</summary>
    private static NpgsqlParameter<DateTimeOffset> Time(string name, DateTimeOffset value) =>
        new(name, NpgsqlDbType.TimestampTz) { TypedValue = OperationRules.Normalize(value) };

    private static DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static async Task<ProvisioningOperation?> ReadOneAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? OperationColumns.Read(reader, ReadTime) : null;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        await InitializeAsync(ct);
        return await dataSource.OpenConnectionAsync(ct);
    }
}
