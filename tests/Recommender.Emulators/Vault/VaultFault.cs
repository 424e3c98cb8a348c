using System.Globalization;

namespace Recommender.Emulators.Vault;

/// <summary>What an injected fault does to one request: drop the connection, or answer <see cref="Status"/>.</summary>
internal sealed record VaultFault(bool Drop, int Status, TimeSpan? RetryAfter)
{
    /// <summary>
    /// The error answer: Vault's message for the status; <c>Retry-After</c> when asked, always on 429 (1 s by default) with
    /// the quota headers <c>X-RateLimit-Limit</c>, <c>-Remaining</c>, <c>-Reset</c>.
    /// </summary>
    public VaultError ToError(string path, DateTimeOffset now)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var retryAfter = RetryAfter ?? (Status == 429 ? TimeSpan.FromSeconds(1) : null);
        if (retryAfter is { } wait)
        {
            var seconds = (long)Math.Ceiling(wait.TotalSeconds);
            headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            if (Status == 429)
            {
                headers["X-RateLimit-Limit"] = "10";
                headers["X-RateLimit-Remaining"] = "0";
                headers["X-RateLimit-Reset"] = (now.ToUnixTimeSeconds() + seconds).ToString(CultureInfo.InvariantCulture);
            }
        }

        return new VaultError(Status, Message(path)) { Headers = headers };
    }

    /// <summary>The message Vault (or a proxy in front of it) puts in <c>errors</c> for this status.</summary>
    private string Message(string path) => Status switch
    {
        429 => $"request path \"{path}\": rate limit quota exceeded",
        412 => "required index state not present",
        500 => "internal error",
        501 => "Vault is not initialized",
        502 => "bad gateway",
        503 => "Vault is sealed",
        _ => "injected fault",
    };
}
