using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Recommender.Api.GraphQL;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Core.Errors;

namespace Recommender.Api.Identity;

/// <summary>
/// Paces mutations per token subject (or, without a token, per client address) with a token bucket from ASP.NET's
/// rate limiting (System.Threading.RateLimiting): <see cref="IdentityOptions.MutationBurst"/> at once, then
/// <see cref="IdentityOptions.MutationsPerMinute"/>. Applied by the GraphQL endpoint once it knows the operation is a
/// mutation, which a middleware in front of it cannot.
/// </summary>
public sealed class MutationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly TimeSpan refill;

    public MutationRateLimiter(IOptions<IdentityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        refill = TimeSpan.FromMinutes(1) / settings.MutationsPerMinute;
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.MutationBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = refill,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the mutation may run; else a 429 RATE_LIMITED error saying when to come back.</summary>
    public TransportError? TryAcquire(HttpContext context, CallerIdentity? caller)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = caller is not null ? $"sub:{caller.Subject}" : CallerKey.FromAddress(context.Connection.RemoteIpAddress);
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : refill;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TransportError(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
            $"Too many mutations from this {(caller is null ? "address" : "token's user")}; retry in {seconds} s.")
        {
            Extensions = new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds },
        };
    }

    public void Dispose() => limiter.Dispose();
}
