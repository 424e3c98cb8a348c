using Recommender.Core.Errors;

namespace Recommender.Api.Recommendations;

/// <summary>The recommendation store cannot be reached and this replica does not hold the recommendation asked for.</summary>
public sealed class StoreUnavailableException(string id, TimeSpan retryAfter)
    : RecommenderException($"The recommendation store is unavailable and this replica does not hold recommendation '{id}'; retry later.")
{
    /// <summary>Whole seconds until the store is tried again (at least 1).</summary>
    public long RetryAfterSeconds { get; } = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));

    public override string Code => ErrorCodes.StoreUnavailable;

    public override bool IsTransient => true;

    public override IReadOnlyDictionary<string, object?> Details =>
        new Dictionary<string, object?> { ["retryAfterSeconds"] = RetryAfterSeconds };
}
