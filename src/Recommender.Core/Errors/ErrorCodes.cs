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
}
