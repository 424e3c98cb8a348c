namespace Recommender.Expander.ScaleOut;

/// <summary>The baseline: the cheapest way to meet the demand by growing one existing pool alone.</summary>
public sealed record SinglePoolGrowth(string Pool, string InstanceType, int NodesAdded, decimal AddedHourlyPrice);
