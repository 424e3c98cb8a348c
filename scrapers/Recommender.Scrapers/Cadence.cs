using System.Globalization;
using Quartz;

namespace Recommender.Scrapers;

/// <summary>A parsed cadence setting: a fixed interval or a Quartz cron expression.</summary>
public sealed record Cadence(TimeSpan? Interval, string? Cron)
{
    /// <summary>Intervals must contain a colon: a bare <c>5</c> would otherwise mean five days to TimeSpan.</summary>
    public static bool TryParse(string? text, out Cadence cadence)
    {
        cadence = new Cadence(null, null);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains(':', StringComparison.Ordinal) && !text.Contains(' ', StringComparison.Ordinal))
        {
            // Quartz calendar intervals count whole seconds.
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval)
                && interval >= TimeSpan.FromSeconds(1) && interval.Ticks % TimeSpan.TicksPerSecond == 0)
            {
                cadence = new Cadence(interval, null);
                return true;
            }

            return false;
        }

        if (CronExpression.TryParse(text, out _))
        {
            cadence = new Cadence(null, text);
            return true;
        }

        return false;
    }

    public static Cadence Parse(string key, string? text) =>
        TryParse(text, out var cadence)
            ? cadence
            : throw new FormatException(
                $"{key}: '{text}' is neither a TimeSpan of whole seconds (at least 00:00:01) nor a Quartz cron expression.");
}
