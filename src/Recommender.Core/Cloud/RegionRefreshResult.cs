using Recommender.Core.Catalog;

namespace Recommender.Core.Cloud;

/// <summary>A freshly built region catalog and what it cost to build.</summary>
public sealed record RegionRefreshResult(RegionCatalog Catalog, int ApiCalls);
