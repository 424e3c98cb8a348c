using System.Diagnostics.Metrics;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Metrics;
using Recommender.Scrapers.Tests.Fakes;

namespace Recommender.Scrapers.Tests;

public sealed class ScraperMetricsTests : IDisposable
{
    private readonly ScraperTestEnvironment env = new ScraperTestEnvironment().WithRegions("r1", "r2");
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> measurements = [];

    public ScraperMetricsTests()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other tests create meters of the same name in parallel.
            if (ReferenceEquals(instrument.Meter, env.Metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    public void Dispose()
    {
        listener.Dispose();
        env.Dispose();
    }

    [Fact]
    public async Task Refreshes_report_duration_api_calls_errors_and_last_success()
    {
        env.Provider.Delay = TimeSpan.Zero;
        env.Provider.RegionErrors["r2"] = new FakeCloudException("Throttling", transient: true);

        await env.Refresher.RefreshAllAsync(RefreshKind.Full, CancellationToken.None);
        listener.RecordObservableInstruments();

        Assert.Equal(ScraperMetrics.MeterName, env.Metrics.Meter.Name);
        var calls = Single("api_calls");
        Assert.Equal(3, calls.Value);
        Assert.Equal("r1", calls.Tags["region"]);
        Assert.Equal("Full", calls.Tags["kind"]);
        var error = Single("errors");
        Assert.Equal("Throttling", error.Tags["code"]);
        Assert.Equal("r2", error.Tags["region"]);
        var durations = measurements.Where(m => m.Instrument == "refresh.duration").ToList();
        Assert.Equal(["failure", "success"], durations.Select(d => (string)d.Tags["outcome"]!).Order(StringComparer.Ordinal));
        var lastSuccess = Single("last_success");
        Assert.Equal(ScraperTestEnvironment.Start.ToUnixTimeSeconds(), lastSuccess.Value);
        Assert.Equal("r1", lastSuccess.Tags["region"]);
    }

    [Fact]
    public async Task A_failed_discovery_is_counted_as_an_error()
    {
        env.Provider.RegionsError = new FakeCloudException("ServiceUnavailable", transient: true);

        await env.Refresher.DiscoverRegionsAsync(CancellationToken.None);

        var error = Single("errors");
        Assert.Equal(ScraperMetrics.DiscoveryKind, error.Tags["kind"]);
        Assert.Equal("ServiceUnavailable", error.Tags["code"]);
    }

    private (string Instrument, double Value, Dictionary<string, object?> Tags) Single(string instrument) =>
        Assert.Single(measurements, m => m.Instrument == instrument);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (measurements)
        {
            measurements.Add((instrument.Name, value, copy));
        }
    }
}
