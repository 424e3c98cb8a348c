namespace Recommender.Core.Catalog;

/// <summary>What <c>/readyz</c> and <c>catalogStatus</c> say about the catalog as a whole.</summary>
/// <param name="IsLoaded">At least one region is held in memory (the service can answer).</param>
/// <param name="StoreKind"><c>memory</c> or <c>redis</c>.</param>
/// <param name="LastStoreError">The newest store failure, kept until the store answers again.</param>
public sealed record CatalogHealthReport(
    bool IsLoaded,
    string StoreKind,
    StoreState StoreState,
    string? LastStoreError,
    DateTimeOffset? LastStoreSuccessAt);
