namespace Recommender.Alibaba;

/// <summary>Settings bound from the <c>Alibaba</c> configuration section.</summary>
public sealed class AlibabaOptions
{
    public const string SectionName = "Alibaba";

    /// <summary>Account passed to <see cref="Core.Cloud.ICredentialSource"/>.</summary>
    public string AccountRef { get; set; } = "alibaba";

    /// <summary>
    /// Base URL per product; <c>{region}</c> is replaced by the region id. Point <c>Ecs</c> and <c>Cs</c> at the emulator's
    /// loopback address (e.g. <c>http://127.0.0.1:5080</c>) for local runs.
    /// </summary>
    public Dictionary<string, string> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ecs"] = "https://ecs.{region}.aliyuncs.com",
        ["Cs"] = "https://cs.{region}.aliyuncs.com",
    };

    /// <summary>Region whose endpoint answers region-less calls (DescribeRegions).</summary>
    public string DefaultRegion { get; set; } = "cn-hangzhou";

    /// <summary>Client-side ceiling per API per region (ECS throttles per account, region and API).</summary>
    public double CallsPerSecondPerApi { get; set; } = 20;

    /// <summary>
    /// Attempts per call, the first included, as far as they fail with a server error, a timeout or another retryable
    /// answer that is not throttling (contract §6: at most 5).
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Attempts when the answer is throttling: the server asked us to wait, not told us we are wrong, and with 20 % of
    /// calls throttled five attempts would still lose about one call in 3,000 (a whole region refresh). Also the most
    /// attempts of one call in all; throttled attempts do not count against <see cref="MaxAttempts"/>.
    /// </summary>
    public int MaxAttemptsWhenThrottled { get; set; } = 10;

    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between attempts; also caps the wait for the next minute after a throttling answer without TimeLeft.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Time limit of one HTTP attempt; an attempt that runs over is retried as <c>Client.Timeout</c>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Calls in flight per region refresh (the token bucket still decides the rate).</summary>
    public int MaxParallelCallsPerRegion { get; set; } = 8;

    /// <summary>
    /// How long an on-demand price read with DescribePrice is reused. Below the hourly price cadence so that each
    /// scheduled price refresh re-reads, while the full refresh in between costs no price calls.
    /// </summary>
    public TimeSpan PriceCacheTtl { get; set; } = TimeSpan.FromMinutes(55);

    /// <summary>
    /// Optional public price file (contract §5 layout, <c>instancePrice.json</c>), an http(s) URL or a local path.
    /// When set, on-demand prices come from it (one read per refresh) instead of one DescribePrice call per type.
    /// </summary>
    public string? PublicPriceFile { get; set; }
}
