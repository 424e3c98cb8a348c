using System.Globalization;

namespace Recommender.Emulators.Vault;

/// <summary>
/// Times the way Vault prints them: Go's <c>time.RFC3339Nano</c> in UTC (<c>2018-03-22T02:24:06.945319214Z</c>). Like Go,
/// trailing zeros of the fraction are dropped (and the dot with them), so a .NET time prints at most 7 fraction digits.
/// </summary>
public static class VaultTime
{
    public static string Format(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = (utc.Ticks % TimeSpan.TicksPerSecond).ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0 ? seconds + "Z" : $"{seconds}.{fraction}Z";
    }

    public static long UnixSeconds(DateTimeOffset time) => time.ToUnixTimeSeconds();
}
