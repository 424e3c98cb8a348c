using Recommender.Core.Catalog;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Refresh;

/// <summary>What one scheduled run did; per-region details are in the status registry.</summary>
/// <param name="Skipped">Regions we hold data for that the provider no longer lists: kept, not refreshed.</param>
public sealed record RefreshSummary(RefreshKind Kind, IReadOnlyList<RegionKey> Succeeded, IReadOnlyList<RegionKey> Failed, IReadOnlyList<RegionKey> Skipped);
