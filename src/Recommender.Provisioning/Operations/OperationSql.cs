namespace Recommender.Provisioning.Operations;

/// <summary>
/// The statements both SQL stores run as they are (SQLite and PostgreSQL read them alike, with <c>@name</c>
/// parameters); each store binds the parameters its own way (timestamps as microseconds or timestamptz).
/// </summary>
internal static class OperationSql
{
    private const string Table = OperationColumns.Table;
    private const string Columns = OperationColumns.List;

    /// <summary>A new row, or none when the id or the (organisation, idempotency key) is taken.</summary>
    public const string Insert = $"""
        INSERT INTO {Table} ({Columns}, cluster_id)
        VALUES (@id, @organization, @kind, @key, @state, @credentialOrganization, @credentialName, @input, @steps,
                @created, @updated, @version, NULL, NULL, @cluster)
        ON CONFLICT DO NOTHING
        RETURNING {Columns}
        """;

    public const string SelectByKey = $"SELECT {Columns} FROM {Table} WHERE organization = @organization AND idempotency_key = @key";

    public const string SelectById = $"SELECT {Columns} FROM {Table} WHERE id = @id AND organization = @organization";

    public const string VersionById = $"SELECT version FROM {Table} WHERE id = @id AND organization = @organization";

    /// <summary>The organisations whose operations name the cluster, the first to do so first.</summary>
    public const string ClusterOrganizations =
        $"SELECT organization FROM {Table} WHERE cluster_id = @cluster GROUP BY organization ORDER BY min(created_at)";

    /// <summary>Optimistic save: only the version the caller read is replaced; the cluster id, once known, stays.</summary>
    public const string Save = $"""
        UPDATE {Table} SET state = @state, steps = @steps, updated_at = @updated, version = version + 1,
            cluster_id = COALESCE(cluster_id, @cluster)
        WHERE id = @id AND organization = @organization AND version = @expected
        RETURNING {Columns}
        """;

    public const string RenewLease = $"UPDATE {Table} SET lease_expires_at = @until WHERE id = @id AND lease_owner = @owner";

    public const string ReleaseLease = $"UPDATE {Table} SET lease_owner = NULL, lease_expires_at = NULL WHERE id = @id AND lease_owner = @owner";

    /// <summary>The states a claim picks up, as an SQL list (for the claim and the stores' partial index).</summary>
    public static readonly string RunnableStates = string.Join(", ", OperationRules.Runnable.Select(s => $"'{s}'"));

    /// <summary>One page of an organisation's operations, newest first, under the given conditions.</summary>
    public static string Page(IEnumerable<string> conditions) => $"""
        SELECT {Columns} FROM {Table} WHERE {string.Join(" AND ", conditions)}
        ORDER BY created_at DESC, id DESC LIMIT @limit
        """;

    /// <summary>Takes the oldest runnable row whose lease is free or expired; <paramref name="rowLock"/> is appended to its pick.</summary>
    public static string Claim(string rowLock = "") => $"""
        UPDATE {Table}
        SET lease_owner = @owner, lease_expires_at = @until, version = version + 1, updated_at = @now,
            state = CASE state WHEN '{OperationState.Pending}' THEN '{OperationState.Running}' ELSE state END
        WHERE id = (
            SELECT id FROM {Table}
            WHERE state IN ({RunnableStates}) AND (lease_expires_at IS NULL OR lease_expires_at <= @now)
            ORDER BY created_at, id LIMIT 1{rowLock})
        RETURNING {Columns}
        """;
}
