namespace Recommender.Api.Identity;

/// <summary>
/// Settings bound from the <c>Identity</c> section. Tokens are validated against <see cref="SigningKey"/> (HS256) or
/// an OIDC <see cref="Authority"/>; with neither, outside Production, against the development key generated in the
/// data directory (<c>dev-token</c> mints tokens for it).
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Identity";

    /// <summary>Catalog and recommendation queries without a token. Everything an organisation owns always needs one.</summary>
    public bool AllowAnonymousQueries { get; set; } = true;

    /// <summary>Shared HS256 key, at least 32 bytes: base64 (<c>base64:…</c>) or plain text.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC issuer URL; its discovery document names the signing keys. Takes precedence over <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    /// <summary>Expected <c>iss</c>; defaults to the authority, or <see cref="DevelopmentIssuer"/> with the development key.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected <c>aud</c>.</summary>
    public string Audience { get; set; } = "recommender";

    /// <summary>Fetch OIDC metadata over HTTPS only; switch off only for a local identity provider.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Claim naming the user (stored as "who changed it last").</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>
    /// Claim holding the organisations: a JSON object <c>{"acme":"admin","beta":"member"}</c>, or a list of
    /// <c>"acme:admin"</c> strings.
    /// </summary>
    public string OrganizationsClaim { get; set; } = "orgs";

    /// <summary>
    /// Organisation whose admins may run operator mutations (refreshCatalog). Null: an admin of any organisation may.
    /// </summary>
    public string? OperatorOrganization { get; set; }

    /// <summary>Tolerated clock difference between the token issuer and us.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Mutations each token (or, without one, each client address) may send per minute on average.</summary>
    public int MutationsPerMinute { get; set; } = 60;

    /// <summary>Mutations allowed back to back before <see cref="MutationsPerMinute"/> paces them.</summary>
    public int MutationBurst { get; set; } = 20;

    public const string DevelopmentIssuer = "recommender-development";
}
