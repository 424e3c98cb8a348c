namespace Recommender.Core.Recommendations;

/// <summary>A set of node pools that satisfies a request, with its price and capacity.</summary>
/// <param name="Pools">Ordered by capacity type (on-demand first), then hourly price descending.</param>
/// <param name="MonthlyPrice">HourlyPrice x <see cref="HoursPerMonth"/>.</param>
/// <param name="Allocatable">What pods can use (capacity minus the node reservation).</param>
/// <param name="Raw">Node capacity as sold.</param>
/// <param name="AboveRequest">Allocatable minus the request (the headroom).</param>
public sealed record Layout(
    IReadOnlyList<LayoutPool> Pools,
    decimal HourlyPrice,
    decimal MonthlyPrice,
    int NodeCount,
    ResourceTotals Allocatable,
    ResourceTotals Raw,
    ResourceTotals AboveRequest)
{
    public const int HoursPerMonth = 730;
}
