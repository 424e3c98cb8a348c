using System.Globalization;
using System.Text;

namespace Recommender.Emulators.Vault;

/// <summary>
/// Go duration strings as Vault reads and prints them: <c>"1h0m0s"</c>, <c>"90s"</c>, <c>"1.5h"</c>, <c>"300ms"</c>; a bare
/// integer (JSON number or string) means seconds, and <c>d</c> means 24 hours (hashicorp parseutil).
/// </summary>
public static class GoDuration
{
    private static readonly (string Unit, double Ticks)[] Units =
    [
        ("ns", 0.01), ("us", 10), ("µs", 10), ("μs", 10), ("ms", TimeSpan.TicksPerMillisecond),
        ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour), ("d", TimeSpan.TicksPerDay),
    ];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var negative = text[0] == '-';
        var rest = text.TrimStart('-', '+');
        if (rest.Length == 0)
        {
            return false;
        }

        double ticks = 0;
        while (rest.Length > 0)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            var digits = rest.AsSpan(0, numberLength);
            if (numberLength == 0 || !double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[numberLength..];
            var unit = Units
                .Where(u => rest.StartsWith(u.Unit, StringComparison.Ordinal))
                .OrderByDescending(u => u.Unit.Length)
                .FirstOrDefault();
            if (unit.Unit is null)
            {
                return false;
            }

            ticks += number * unit.Ticks;
            rest = rest[unit.Unit.Length..];
        }

        value = TimeSpan.FromTicks((long)Math.Round(negative ? -ticks : ticks));
        return true;
    }

    /// <summary>Go's <c>time.Duration.String()</c> (to 100 ns precision).</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (duration < TimeSpan.Zero)
        {
            text.Append('-');
            duration = duration.Duration();
        }

        if (duration < TimeSpan.FromSeconds(1))
        {
            var (value, unit) = duration.Ticks >= TimeSpan.TicksPerMillisecond
                ? (duration.Ticks / (decimal)TimeSpan.TicksPerMillisecond, "ms")
                : (duration.Ticks / 10m, "µs");
            return text.Append(value.ToString("0.#######", CultureInfo.InvariantCulture)).Append(unit).ToString();
        }

        var hours = (long)duration.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || duration.Minutes > 0)
        {
            text.Append(duration.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var secs = duration.Seconds + ((duration.Ticks % TimeSpan.TicksPerSecond) / (decimal)TimeSpan.TicksPerSecond);
        return text.Append(secs.ToString("0.#######", CultureInfo.InvariantCulture)).Append('s').ToString();
    }
}
