namespace Recommender.Core.Errors;

/// <summary>The <c>extensions.code</c> values we emit. Part of the public API: never rename one.</summary>
public static class ErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string CatalogUnavailable = "CATALOG_UNAVAILABLE";
    public const string InvalidCatalog = "INVALID_CATALOG";
    public const string Internal = "INTERNAL";

    /// <summary>Every solver slot stayed busy for the queue timeout; retry later.</summary>
    public const string SolverBusy = "SOLVER_BUSY";

    /// <summary>
    /// The caller (or the service as a whole) already keeps as many recommendations as it may; refused before the solve.
    /// <c>extensions</c> carry <c>scope</c> (CALLER or TOTAL), <c>limit</c>, <c>retentionSeconds</c>,
    /// <c>retryAfterSeconds</c> and <c>oldestExpiresAt</c>.
    /// </summary>
    public const string RecommendationQuotaExceeded = "RECOMMENDATION_QUOTA_EXCEEDED";

    /// <summary>
    /// The recommendation store cannot be reached and the answer is not held by this replica; retry later
    /// (<c>extensions.retryAfterSeconds</c>).
    /// </summary>
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    /// <summary>No valid bearer token came with a request that needs one (missing, malformed, expired, wrong issuer or audience).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The token is valid but its user is not a member of the organisation, or lacks the role the operation needs.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>A write named a version that is no longer current, or a create a name that is taken (<c>extensions.currentVersion</c>).</summary>
    public const string Conflict = "CONFLICT";

    /// <summary>The secret store is sealed, unreachable or too slow; nothing was read or written. Retry later.</summary>
    public const string SecretsUnavailable = "SECRETS_UNAVAILABLE";

    /// <summary>Too many mutations from one token (or one client address) in a short time (<c>extensions.retryAfterSeconds</c>).</summary>
    public const string RateLimited = "RATE_LIMITED";
}
