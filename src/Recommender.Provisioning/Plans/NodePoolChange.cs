using Recommender.Core.Recommendations;

namespace Recommender.Provisioning.Plans;

/// <summary>
/// One pool's part of a plan: from <see cref="FromCount"/> to <see cref="ToCount"/> nodes of <see cref="InstanceType"/>,
/// and what that does to the hourly price (<see cref="UnitPrice"/> from the catalog; null when the catalog has none).
/// </summary>
public sealed record NodePoolChange(
    NodePoolChangeKind Kind,
    string Name,
    string? NodePoolId,
    string InstanceType,
    CapacityType CapacityType,
    int FromCount,
    int ToCount,
    decimal? UnitPrice,
    decimal HourlyPriceChange);
