namespace Recommender.Expander.Pricing;

/// <summary>How the price choice saw one offered option.</summary>
/// <param name="Index">Position of the option in the request.</param>
/// <param name="Pods">Pods of the option that were read; <paramref name="SkippedPods"/> could not be decoded.</param>
/// <param name="NodesNeeded">Nodes the pods need (at least CA's count); null when some pod cannot run on the template.</param>
/// <param name="HourlyCost">Price of the nodes added, per hour, in the region's currency.</param>
/// <param name="Score">
/// <paramref name="HourlyCost"/> per unit of pod demand (each pod counts max(CPU cores, memory GiB / 4, 0.1)), so an
/// option that places more pods may cost more; with the same pods in every option, the order is the cost's order.
/// </param>
/// <param name="Problem">Why the option could not be priced (no template, undecodable template, unknown type…).</param>
public sealed record OptionAssessment(
    int Index,
    string NodeGroupId,
    int NodeCount,
    int Pods,
    int SkippedPods,
    TemplatePrice? Price,
    int? NodesNeeded,
    decimal? HourlyCost,
    decimal? Score,
    string? Problem)
{
    public bool IsPriced => Score is not null;

    /// <summary>Priced, its pods fit the template by our check, and the type has stock where the group would grow.</summary>
    public bool IsPreferred => IsPriced && NodesNeeded is not null && Price!.InStock;
}
