namespace Recommender.Core.Recommendations;

/// <summary>One node pool: <see cref="NodeCount"/> nodes of one instance type, bought one way.</summary>
/// <param name="UnitPrice">Hourly price of one node (for spot: the highest spot price among the request's zones).</param>
/// <param name="HourlyPrice">NodeCount x UnitPrice.</param>
public sealed record LayoutPool(string InstanceType, CapacityType CapacityType, int NodeCount, decimal UnitPrice, decimal HourlyPrice);
