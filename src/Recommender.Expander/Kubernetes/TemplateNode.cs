namespace Recommender.Expander.Kubernetes;

/// <summary>
/// What the expander reads from a node group's template <c>v1.Node</c>: labels, taints and resources.
/// </summary>
/// <param name="Capacity">Status.capacity; Alibaba templates carry plain numbers (<c>"8"</c> CPUs, memory in bytes).</param>
/// <param name="Allocatable">Status.allocatable (CA's templates copy capacity).</param>
public sealed record TemplateNode(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    bool Unschedulable,
    ResourceAmounts Capacity,
    ResourceAmounts Allocatable,
    string OperatingSystem,
    string Architecture)
{
    /// <summary>What pods may use: allocatable where the node says, capacity otherwise.</summary>
    public ResourceAmounts Usable => Allocatable.Or(Capacity);

    public string? Label(string key) => Labels.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
