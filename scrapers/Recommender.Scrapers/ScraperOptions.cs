namespace Recommender.Scrapers;

/// <summary>Bound from the <c>Scrapers</c> configuration section.</summary>
public sealed class ScraperOptions
{
    public const string SectionName = "Scrapers";

    /// <summary>False turns the scrapers off; the service then runs on the catalog it was seeded with.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The account asked of <c>ICredentialSource</c> at start; no credentials means no scraping.</summary>
    public string CredentialAccount { get; set; } = "alibaba";

    /// <summary>
    /// While the scrapers are off for want of credentials (none configured yet, or the credential source unreachable),
    /// how often to ask again; they start as soon as credentials are there, without a restart. Zero: never ask again.
    /// </summary>
    public TimeSpan CredentialRecheck { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Optional allow-list of region ids; empty means every region the provider lists.</summary>
    public IList<string> Regions { get; } = [];

    public CadenceOptions Cadence { get; set; } = new();

    public StaleAfterOptions StaleAfter { get; set; } = new();

    /// <summary>Upper bound of one region refresh (all of its API calls, validation and publish).</summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On-demand refreshes (<c>refreshCatalog</c>) of one region start at most once per this interval, whatever their kind:
    /// each one costs the provider's API budget (hundreds of signed calls for a full one), and the mutation is open to
    /// any caller until identity exists. A call within it joins a refresh of the region still running, or is refused
    /// with REFRESH_RATE_LIMITED. Scheduled refreshes are not limited by it. Also the least time between two region
    /// discoveries triggered by a region name we do not know.
    /// </summary>
    public TimeSpan OnDemandRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Regions of one provider refreshed at the same time (the provider throttles per region and API).</summary>
    public int MaxParallelRegions { get; set; } = 4;

    /// <summary>
    /// Each scheduled run first waits a random delay up to this long, so replicas and jobs do not hit the provider
    /// in the same second. Keep it well below the shortest cadence and the misfire threshold.
    /// </summary>
    public TimeSpan MaxJitter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Npgsql connection string. When set, the schedule lives in a clustered Quartz job store on PostgreSQL (schema
    /// created if missing) shared by every replica; otherwise each process keeps its own in-memory schedule.
    /// </summary>
    public string? PostgreSql { get; set; }

    public SchedulerOptions Quartz { get; set; } = new();
}
