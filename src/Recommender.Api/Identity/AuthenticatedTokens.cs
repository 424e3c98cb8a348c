using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Recommender.Api.Identity;

/// <summary>
/// Tokens JwtBearer has accepted, remembered with their principal and caller until the token expires or
/// <see cref="MaxReuse"/> passes (a rotated OIDC key takes effect within minutes). Clients send one token for many
/// requests, and validating it (signature, claims, the handler's per-request set-up) is most of what authentication
/// costs. Only successes are remembered; an entry is keyed by the whole header value.
/// </summary>
public sealed class AuthenticatedTokens(IOptions<IdentityOptions> options, TimeProvider time)
{
    public static readonly TimeSpan MaxReuse = TimeSpan.FromMinutes(5);

    /// <summary>Entries kept at most; when full, the memory starts again (tokens are validated again once).</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public bool TryGet(string header, out ClaimsPrincipal principal, out CallerIdentity? caller)
    {
        if (entries.TryGetValue(header, out var entry))
        {
            if (entry.Until > time.GetUtcNow())
            {
                (principal, caller) = (entry.Principal, entry.Caller);
                return true;
            }

            entries.TryRemove(header, out _);
        }

        (principal, caller) = (null!, null);
        return false;
    }

    /// <summary>Remembers an accepted token until <paramref name="expires"/> (its exp) or <see cref="MaxReuse"/> from now.</summary>
    public CallerIdentity? Add(string header, ClaimsPrincipal principal, DateTimeOffset? expires)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var caller = CallerIdentity.From(principal, options.Value);
        var now = time.GetUtcNow();
        var until = expires is { } e && e < now + MaxReuse ? e : now + MaxReuse;
        if (expires is not null && until > now)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[header] = new Entry(principal, caller, until);
        }

        return caller;
    }

    private sealed record Entry(ClaimsPrincipal Principal, CallerIdentity? Caller, DateTimeOffset Until);
}
