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
}
