namespace Recommender.Api.Identity;

/// <summary>Which keys tokens are checked against (<see cref="TokenValidationSetup.Mode"/>).</summary>
public enum IdentityMode
{
    /// <summary>Production without a key or authority: every token is refused, only anonymous queries work.</summary>
    None,

    /// <summary>An OIDC issuer's published keys.</summary>
    Authority,

    /// <summary>The configured HS256 key.</summary>
    SharedKey,

    /// <summary>The data directory's development key (embedded default, never in Production).</summary>
    DevelopmentKey,
}
