using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Status;

/// <summary>Refresh history of one kind of data in one region.</summary>
/// <param name="LastDuration">Duration of the last finished attempt, successful or not.</param>
/// <param name="LastApiCalls">Provider API calls of the last successful refresh (a failed one does not report them).</param>
/// <param name="LastError">Error of the last attempt; null once an attempt succeeds.</param>
/// <param name="IsStale">
/// No successful refresh of this kind (or a full one) within <c>Scrapers:StaleAfter</c>, counting from the catalog's
/// own timestamp when this process never refreshed it.
/// </param>
public sealed record RefreshKindStatus(
    RefreshKind Kind,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    TimeSpan? LastDuration,
    int LastApiCalls,
    long TotalApiCalls,
    RefreshError? LastError,
    int ConsecutiveFailures,
    bool IsRunning,
    bool IsStale);
