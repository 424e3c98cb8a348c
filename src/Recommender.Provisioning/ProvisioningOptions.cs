namespace Recommender.Provisioning;

/// <summary>Settings bound from the <c>Provisioning</c> configuration section.</summary>
public sealed class ProvisioningOptions
{
    public const string SectionName = "Provisioning";

    /// <summary>
    /// Npgsql connection string. When set, operations live in PostgreSQL, shared by every replica; else in the SQLite
    /// file <see cref="SqlitePath"/>, for a single replica.
    /// </summary>
    public string? PostgreSql { get; set; }

    /// <summary>The SQLite file; default <c>operations.db</c> in the data directory (configuration key <c>DataDirectory</c>).</summary>
    public string? SqlitePath { get; set; }
}
