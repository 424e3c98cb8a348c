using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recommender.Api.Identity;

/// <summary>
/// Signs HS256 tokens in the shape this service reads (<c>sub</c>, <c>name</c>, <c>orgs</c> as a JSON object): for
/// the <c>dev-token</c> command and for tests. Production tokens come from the organisation's identity provider.
/// </summary>
public static class TokenMinter
{
    public static string Mint(
        byte[] key,
        string issuer,
        string audience,
        string subject,
        IReadOnlyDictionary<string, OrganizationRole> organizations,
        DateTimeOffset now,
        TimeSpan lifetime,
        string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(organizations);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = subject,
            ["orgs"] = organizations.ToDictionary(o => o.Key, o => (object)o.Value.ToString().ToLowerInvariant(), StringComparer.Ordinal),
        };
        if (displayName is not null)
        {
            claims["name"] = displayName;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
