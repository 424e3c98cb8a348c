using System.Diagnostics.Metrics;

namespace Recommender.Expander;

/// <summary>
/// Instruments on the <c>Recommender.Expander</c> meter (on /metrics as <c>recommender_expander_*</c>): calls by outcome
/// (the decision basis, <c>invalid_argument</c>, <c>deadline_exceeded</c> or <c>cancelled</c>) and their duration.
/// </summary>
public sealed class ExpanderMetrics : IDisposable
{
    public const string MeterName = "Recommender.Expander";

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly Counter<long> calls;
    private readonly Histogram<double> duration;

    /// <param name="meterFactory">The host's factory when it has one (so its exporters see the meter), else a private meter.</param>
    public ExpanderMetrics(IMeterFactory? meterFactory = null)
    {
        ownsMeter = meterFactory is null;
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        calls = meter.CreateCounter<long>("calls", "{call}", "BestOptions calls by outcome.");
        duration = meter.CreateHistogram<double>("call.duration", "s", "Time from a decoded request to the answer, by outcome.");
    }

    public void Record(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        calls.Add(1, tag);
        duration.Record(elapsed.TotalSeconds, tag);
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
