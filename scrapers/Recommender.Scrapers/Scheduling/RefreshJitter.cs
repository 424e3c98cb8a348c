using Microsoft.Extensions.Options;

namespace Recommender.Scrapers.Scheduling;

/// <summary>
/// A bounded random delay before each scheduled run, so replicas and jobs do not call the provider in the same second
/// (Quartz has no jitter option). The delay honours cancellation, so shutdown is never held up by it.
/// </summary>
public sealed class RefreshJitter
{
    private readonly IOptions<ScraperOptions> options;
    private readonly TimeProvider time;
    private readonly Func<double> sample;

    public RefreshJitter(IOptions<ScraperOptions> options, TimeProvider time)
        : this(options, time, Random.Shared.NextDouble)
    {
    }

    /// <param name="sample">Uniform in [0, 1): the fraction of <c>MaxJitter</c> to wait.</param>
    public RefreshJitter(IOptions<ScraperOptions> options, TimeProvider time, Func<double> sample)
    {
        this.options = options;
        this.time = time;
        this.sample = sample;
    }

    public TimeSpan NextDelay() => options.Value.MaxJitter * Math.Clamp(sample(), 0, 1);

    public Task DelayAsync(CancellationToken ct)
    {
        var delay = NextDelay();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, ct);
    }
}
