using Recommender.Api.Identity;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>Tokens signed with a test host's development key, as <c>dev-token</c> would print them for its data directory.</summary>
public static class DevTokens
{
    public static string Mint(ServiceHost host, string organization, OrganizationRole role, string user = "developer", TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var key = DevelopmentSigningKey.LoadOrCreate(host.DataDirectory);
        return TokenMinter.Mint(key, IdentityOptions.DevelopmentIssuer, "recommender", user,
            new Dictionary<string, OrganizationRole>(StringComparer.Ordinal) { [organization] = role }, DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(1));
    }

    /// <summary>A token that expired a minute ago (beyond the validator's 30 s clock skew).</summary>
    public static string Expired(ServiceHost host, string organization, OrganizationRole role = OrganizationRole.Admin)
    {
        ArgumentNullException.ThrowIfNull(host);
        var key = DevelopmentSigningKey.LoadOrCreate(host.DataDirectory);
        return TokenMinter.Mint(key, IdentityOptions.DevelopmentIssuer, "recommender", "developer",
            new Dictionary<string, OrganizationRole>(StringComparer.Ordinal) { [organization] = role }, DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1));
    }
}
