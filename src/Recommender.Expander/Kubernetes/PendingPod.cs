namespace Recommender.Expander.Kubernetes;

/// <summary>
/// What the expander reads from a pending <c>v1.Pod</c>: its effective requests (Kubernetes' rules for init containers,
/// sidecars, overhead and pod-level resources) and the constraints that decide whether a template node can run it.
/// </summary>
/// <param name="RequiredNodeAffinity">
/// Required node affinity terms (any one must match); each is its match expressions (all must match). Terms that only
/// select by field (the node's name) are left out: a template's name is made up, so they cannot be judged.
/// </param>
public sealed record PendingPod(
    string Namespace,
    string Name,
    ResourceAmounts Requests,
    IReadOnlyDictionary<string, string> NodeSelector,
    IReadOnlyList<Toleration> Tolerations,
    IReadOnlyList<IReadOnlyList<NodeSelectorRequirement>> RequiredNodeAffinity)
{
    /// <summary>Node selector, required node affinity and taints: whether the scheduler could place this pod on <paramref name="node"/>.</summary>
    public bool CanRunOn(TemplateNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (NodeSelector.Count == 0 && RequiredNodeAffinity.Count == 0 && node.Taints.Count == 0)
        {
            return true;
        }

        foreach (var (key, value) in NodeSelector)
        {
            if (!string.Equals(node.Label(key) ?? "", value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (RequiredNodeAffinity.Count > 0 && !RequiredNodeAffinity.Any(term => term.All(r => r.Matches(node.Labels))))
        {
            return false;
        }

        foreach (var taint in node.Taints)
        {
            if (taint.Repels && !Tolerations.Any(t => t.Tolerates(taint)))
            {
                return false;
            }
        }

        return true;
    }
}
