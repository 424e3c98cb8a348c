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

    /// <summary>
    /// Largest move of a pool's price per node-hour since it was quoted, as a fraction (0.05 = 5 %), up or down, that the
    /// pre-flight check accepts; at or beyond it the layout is refused with PRICE_DRIFTED.
    /// </summary>
    public decimal PriceDriftMargin { get; set; } = 0.05m;

    /// <summary>Operations one replica works on at once.</summary>
    public int MaxConcurrentOperations { get; set; } = 4;

    /// <summary>How often an idle runner looks for work that another replica created (local creations wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claim lasts without renewal; renewed every third of it. A replica that dies holds its operations this
    /// long at most before another one takes them over. Keep it well above one cloud call (Alibaba:AttemptTimeout) plus a
    /// store write under load: the lease is what keeps a second replica from repeating a create whose answer is on its way.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Between two reads of a cluster's create or delete task and state (Terraform: 10 s, contract §4.1).</summary>
    public TimeSpan ClusterPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Between two reads of a node pool's task and state (Terraform: 5 s, contract §4.3).</summary>
    public TimeSpan NodePoolPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for a cluster or pool to be ready or gone before its step fails (the step may be retried).</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>
    /// Attempts of one step on transient failures (throttling, server errors, timeouts left over after the client's own
    /// retries, a cluster busy updating); then the step and the operation fail with the last code.
    /// </summary>
    public int MaxStepAttempts { get; set; } = 5;

    /// <summary>First wait before a step's next attempt; doubled per attempt up to <see cref="StepRetryMaxDelay"/>, never below the server's hint.</summary>
    public TimeSpan StepRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan StepRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime of a kubeconfig when the caller does not choose (contract §4: 15–4320 minutes).</summary>
    public int KubeconfigMinutes { get; set; } = 60;

    public ProvisioningRunnerOptions Runner { get; set; } = new();
}
