namespace Recommender.Scrapers.Status;

/// <summary>Region discovery of one provider.</summary>
/// <param name="RegionCount">Regions listed (after the allow-list) by the last successful discovery.</param>
/// <param name="MissingRegions">Regions we hold data for that the last discovery no longer listed.</param>
public sealed record ProviderDiscoveryStatus(
    string Provider,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    int RegionCount,
    IReadOnlyList<string> MissingRegions,
    RefreshError? LastError);
