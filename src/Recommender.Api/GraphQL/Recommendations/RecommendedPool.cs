using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>A pool with the region it was computed for (the GraphQL pool resolves its instance type there).</summary>
public sealed record RecommendedPool(LayoutPool Pool, RegionKey Region);
