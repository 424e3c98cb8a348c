using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recommender.Api.Identity;

/// <summary>
/// JwtBearer's token handler with a memory: a token that validated is accepted again without re-checking its signature
/// until it expires or <see cref="MaxReuse"/> passes (so a rotated OIDC key or changed settings take effect within
/// minutes), and only under the same validation parameters. Clients send the same token for many requests, and the
/// signature check is most of authentication's cost. Failures are never remembered.
/// </summary>
public sealed class CachingTokenHandler : JsonWebTokenHandler
{
    public static readonly TimeSpan MaxReuse = TimeSpan.FromMinutes(5);

    /// <summary>Entries kept at most; when full, the memory starts again (tokens are re-validated once).</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> validated = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = DateTime.UtcNow;
        if (token is not null && validated.TryGetValue(token, out var hit))
        {
            if (hit.Until > now && SameRules(hit.Parameters, validationParameters))
            {
                // A copy per request: the principal built from it is the request's own to change.
                return new TokenValidationResult
                {
                    IsValid = true,
                    ClaimsIdentity = hit.Result.ClaimsIdentity.Clone(),
                    SecurityToken = hit.Result.SecurityToken,
                    Issuer = hit.Result.Issuer,
                    TokenType = hit.Result.TokenType,
                };
            }

            validated.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (result.IsValid && token is not null && result.SecurityToken is { } securityToken && securityToken.ValidTo > now)
        {
            if (validated.Count >= MaxEntries)
            {
                validated.Clear();
            }

            var until = securityToken.ValidTo < now + MaxReuse ? securityToken.ValidTo : now + MaxReuse;
            validated[token] = new Entry(result, validationParameters, until);
        }

        return result;
    }

    /// <summary>
    /// JwtBearer hands us a fresh clone of its parameters per request (a shallow copy), so "the same rules" is the same
    /// keys (by reference), issuers, audiences and algorithms, and the same metadata source.
    /// </summary>
    private static bool SameRules(TokenValidationParameters a, TokenValidationParameters b) =>
        ReferenceEquals(a, b)
        || (ReferenceEquals(a.IssuerSigningKey, b.IssuerSigningKey)
            && ReferenceEquals(a.IssuerSigningKeys, b.IssuerSigningKeys)
            && ReferenceEquals(a.ConfigurationManager, b.ConfigurationManager)
            && ReferenceEquals(a.ValidIssuers, b.ValidIssuers)
            && ReferenceEquals(a.ValidAudiences, b.ValidAudiences)
            && ReferenceEquals(a.ValidAlgorithms, b.ValidAlgorithms)
            && string.Equals(a.ValidIssuer, b.ValidIssuer, StringComparison.Ordinal)
            && string.Equals(a.ValidAudience, b.ValidAudience, StringComparison.Ordinal)
            && a.ValidateIssuer == b.ValidateIssuer
            && a.ValidateAudience == b.ValidateAudience
            && a.ValidateLifetime == b.ValidateLifetime);

    private sealed record Entry(TokenValidationResult Result, TokenValidationParameters Parameters, DateTime Until);
}
