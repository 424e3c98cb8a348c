using System.Globalization;
using System.Net.Http.Headers;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// Reads <c>x-ratelimit-user-api</c> / <c>x-ratelimit-user</c> (<c>Limit:1,Remain:0,TimeLeft:2000,Reset:1234</c>);
/// TimeLeft is milliseconds until the window resets. Newer SDKs also read <c>x-acs-retry-after</c> (milliseconds) on a
/// throttled answer (contract §6). Like the darabonba SDKs, the largest hint wins.
/// </summary>
public static class ThrottleHints
{
    public static readonly string[] HeaderNames = ["x-ratelimit-user-api", "x-ratelimit-user"];

    public const string RetryAfterHeader = "x-acs-retry-after";

    public static TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        TimeSpan? best = null;
        foreach (var name in HeaderNames)
        {
            if (!headers.TryGetValues(name, out var values))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (ParseTimeLeft(value) is { } left && (best is null || left > best))
                {
                    best = left;
                }
            }
        }

        if (headers.TryGetValues(RetryAfterHeader, out var retryAfter))
        {
            foreach (var value in retryAfter)
            {
                if (long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0
                    && (best is null || TimeSpan.FromMilliseconds(ms) > best))
                {
                    best = TimeSpan.FromMilliseconds(ms);
                }
            }
        }

        return best;
    }

    public static TimeSpan? ParseTimeLeft(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var part in header.Split(','))
        {
            var kv = part.Split(':', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && string.Equals(kv[0], "TimeLeft", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        return null;
    }
}
