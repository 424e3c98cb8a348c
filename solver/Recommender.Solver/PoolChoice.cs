using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>A pool before it is priced and summed into a <see cref="Layout"/>.</summary>
public sealed record PoolChoice(InstanceOffering Offering, CapacityType CapacityType, int NodeCount, decimal UnitPrice);
