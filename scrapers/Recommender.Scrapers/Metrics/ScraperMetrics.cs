using System.Diagnostics.Metrics;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Status;

namespace Recommender.Scrapers.Metrics;

/// <summary>
/// The scrapers' instruments on the <c>Recommender.Scrapers</c> meter; the host decides how to export them.
/// Tags: <c>provider</c>, <c>region</c>, <c>kind</c> (a RefreshKind, or <c>Regions</c> for discovery), plus
/// <c>outcome</c> (success|failure) on durations and <c>code</c> on errors.
/// </summary>
public sealed class ScraperMetrics : IDisposable
{
    public const string MeterName = "Recommender.Scrapers";
    public const string DiscoveryKind = "Regions";

    private readonly Meter meter;
    private readonly Histogram<double> duration;
    private readonly Counter<long> apiCalls;
    private readonly Counter<long> errors;
    private readonly bool ownsMeter;

    /// <param name="meterFactory">The host's factory when it has one (so its exporters see the meter), else a private meter.</param>
    public ScraperMetrics(IRefreshStatus status, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        duration = meter.CreateHistogram<double>("refresh.duration", "s", "Duration of one region refresh.");
        apiCalls = meter.CreateCounter<long>("api_calls", "{call}", "Provider API calls made by successful refreshes.");
        errors = meter.CreateCounter<long>("errors", "{error}", "Failed refreshes and discoveries, by error code.");
        meter.CreateObservableGauge(
            "last_success",
            () => LastSuccesses(status),
            "s",
            "Unix time of the last successful refresh per region and kind.");
    }

    public Meter Meter => meter;

    public void RecordSuccess(string provider, string region, RefreshKind kind, TimeSpan elapsed, int calls)
    {
        duration.Record(elapsed.TotalSeconds, Tags(provider, region, kind.ToString(), "outcome", "success"));
        apiCalls.Add(calls, Tags(provider, region, kind.ToString()));
    }

    public void RecordFailure(string provider, string region, RefreshKind kind, TimeSpan elapsed, RefreshError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        duration.Record(elapsed.TotalSeconds, Tags(provider, region, kind.ToString(), "outcome", "failure"));
        errors.Add(1, ErrorTags(provider, region, kind.ToString(), error));
    }

    public void RecordDiscoveryFailure(string provider, RefreshError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        errors.Add(1, ErrorTags(provider, "", DiscoveryKind, error));
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }

    private static IEnumerable<Measurement<double>> LastSuccesses(IRefreshStatus status) =>
        from region in status.GetRegions()
        from kind in region.Kinds
        where kind.LastSuccessAt is not null
        select new Measurement<double>(
            kind.LastSuccessAt!.Value.ToUnixTimeMilliseconds() / 1000.0,
            Tags(region.Key.Provider, region.Key.Region, kind.Kind.ToString()));

    private static KeyValuePair<string, object?>[] Tags(string provider, string region, string kind) =>
        [new("provider", provider), new("region", region), new("kind", kind)];

    // vendor_code keeps the provider's own code (Throttling.User, InvalidAccessKeyId.NotFound) next to our coarse code.
    private static KeyValuePair<string, object?>[] ErrorTags(string provider, string region, string kind, RefreshError error) =>
        [new("provider", provider), new("region", region), new("kind", kind), new("code", error.Code), new("vendor_code", error.VendorCode ?? "")];

    private static KeyValuePair<string, object?>[] Tags(string provider, string region, string kind, string extra, string value) =>
        [new("provider", provider), new("region", region), new("kind", kind), new(extra, value)];
}
