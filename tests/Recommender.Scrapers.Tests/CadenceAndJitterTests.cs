using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Scheduling;

namespace Recommender.Scrapers.Tests;

public sealed class CadenceAndJitterTests
{
    [Theory]
    [InlineData("00:05:00", 300, null)]
    [InlineData("12:00:00", 43200, null)]
    [InlineData("1.00:00:00", 86400, null)]
    [InlineData("0 */5 * * * ?", null, "0 */5 * * * ?")]
    public void Cadences_are_intervals_or_cron(string text, int? seconds, string? cron)
    {
        Assert.True(Cadence.TryParse(text, out var cadence));
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), cadence.Interval);
        Assert.Equal(cron, cadence.Cron);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.5")]
    [InlineData("every five minutes")]
    [InlineData("")]
    public void Nonsense_cadences_are_rejected(string text) => Assert.False(Cadence.TryParse(text, out _));

    [Fact]
    public void AddScrapers_rejects_an_invalid_cadence_with_its_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scrapers:Cadence:SpotPricesAndStock"] = "5" })
            .Build();

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddScrapers(configuration));

        Assert.Contains("Scrapers:Cadence:SpotPricesAndStock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_slots_agree_across_replicas_and_spread_the_jobs()
    {
        var interval = TimeSpan.FromMinutes(5);
        var now = new DateTimeOffset(2026, 11, 25, 10, 0, 7, TimeSpan.Zero);
        var key = ScraperSchedule.RefreshJobKey(RefreshKind.SpotPricesAndStock);

        var first = ScraperSchedule.FirstSlot(key, interval, now);
        var otherReplica = ScraperSchedule.FirstSlot(key, interval, now.AddSeconds(3));

        Assert.Equal(first, otherReplica);
        Assert.InRange(first, now.AddTicks(1), now + interval);
        Assert.Equal(0, first.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(first + interval, ScraperSchedule.FirstSlot(key, interval, first));
        var offsets = Enum.GetValues<RefreshKind>()
            .Select(k => (ScraperSchedule.FirstSlot(ScraperSchedule.RefreshJobKey(k), interval, now) - DateTimeOffset.UnixEpoch).Ticks % interval.Ticks)
            .Distinct();
        Assert.Equal(3, offsets.Count());
    }

    [Fact]
    public async Task Jitter_waits_a_bounded_random_delay_on_the_clock_and_honours_cancellation()
    {
        var time = new FakeTimeProvider();
        var options = Options.Create(new ScraperOptions { MaxJitter = TimeSpan.FromSeconds(30) });
        var jitter = new RefreshJitter(options, time, () => 0.5);
        Assert.Equal(TimeSpan.FromSeconds(15), jitter.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(30), new RefreshJitter(options, time, () => 7).NextDelay());

        var delay = jitter.DelayAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(14));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await delay;

        using var shutdown = new CancellationTokenSource();
        var cancelled = jitter.DelayAsync(shutdown.Token);
        await shutdown.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
    }

    [Fact]
    public void Cron_cadences_keep_their_expression()
    {
        Assert.True(CronExpression.TryParse("0 */5 * * * ?", out _));
        Assert.Equal("0 */5 * * * ?", Cadence.Parse("k", "0 */5 * * * ?").Cron);
        Assert.Throws<FormatException>(() => Cadence.Parse("Scrapers:Cadence:Full", "soon"));
    }
}
