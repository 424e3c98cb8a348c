namespace Recommender.Expander.ScaleOut;

/// <summary>One change to the cluster and the layout it leads to.</summary>
/// <param name="Changes">Pools grown or added (nodes added &gt; 0), most expensive addition first.</param>
/// <param name="Layout">Every pool after the change: the existing ones (grown or not), then the new ones.</param>
/// <param name="AddedHourlyPrice">What the change adds to the cluster's hourly price.</param>
/// <param name="HourlyPriceAfter">The cluster's hourly price after the change (its pools at catalog prices).</param>
/// <param name="PackedByCheck">Nodes the first-fit-decreasing check added above the model's answer (0 when it packed as is).</param>
public sealed record ScaleOutPlan(
    IReadOnlyList<PoolChange> Changes,
    IReadOnlyList<PoolChange> Layout,
    decimal AddedHourlyPrice,
    decimal HourlyPriceAfter,
    int NodesAdded,
    int PackedByCheck);
