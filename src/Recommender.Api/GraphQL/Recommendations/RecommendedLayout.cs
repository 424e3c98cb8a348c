using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>A layout with the region it was computed for, so its pools can show their instance types.</summary>
public sealed record RecommendedLayout(Layout Layout, RegionKey Region);
