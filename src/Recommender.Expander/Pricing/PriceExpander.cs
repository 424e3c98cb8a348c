using Google.Protobuf;
using Recommender.Core.Catalog;
using Recommender.Expander.Grpc;
using Recommender.Expander.Kubernetes;

namespace Recommender.Expander.Pricing;

/// <summary>
/// Chooses, among CA's expansion options, the one(s) whose added nodes take their pods at the lowest hourly price
/// per unit of pod demand (<see cref="OptionAssessment.Score"/>), ties kept. Never answers with an option that was not
/// offered; answers with every offered option when none can be priced (unknown instance types, missing or undecodable
/// templates); an empty request gets an empty answer.
/// </summary>
public sealed class PriceExpander(ICatalog catalog, TemplatePricer pricer)
{
    private const decimal MemoryGiBPerCpu = 4m;
    private const decimal MinimumPodDemand = 0.1m;
    private const decimal GiB = 1024m * 1024 * 1024;

    /// <exception cref="OperationCanceledException"><paramref name="ct"/> fired (the call's deadline).</exception>
    public ExpanderDecision Choose(BestOptionsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = new CallState(catalog.Current, request);
        var assessments = new List<OptionAssessment>(request.Options.Count);
        for (var i = 0; i < request.Options.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            assessments.Add(Assess(i, request.Options[i], call));
        }

        return Decide(assessments, call);
    }

    private OptionAssessment Assess(int index, Option option, CallState call)
    {
        var id = option.NodeGroupId;
        var unpriced = new OptionAssessment(index, id, option.NodeCount, 0, 0, null, null, null, null, null);
        if (id.Length == 0)
        {
            return unpriced with { Problem = "the option has no node group id" };
        }

        var (node, problem) = call.Template(id);
        if (node is null)
        {
            return unpriced with { Problem = problem };
        }

        var price = pricer.Price(call.Snapshot, node, out var reason);
        if (price is null)
        {
            return unpriced with { Problem = reason };
        }

        var pods = new List<PendingPod>();
        var skipped = 0;
        foreach (var bytes in option.PodBytes.Count > 0 ? option.PodBytes : option.Pod)
        {
            if (call.Pod(bytes) is { } pod)
            {
                pods.Add(pod);
            }
            else
            {
                skipped++;
            }
        }

        var usable = node.Usable.Or(CatalogAllocatable(price.Offering.Type));
        var needed = PodPacker.NodesNeeded(pods, node, usable);
        var nodes = Math.Max(Math.Max(option.NodeCount, needed ?? 0), 1);
        var cost = nodes * price.HourlyPrice;
        var demand = pods.Sum(Demand);
        return new OptionAssessment(index, id, option.NodeCount, pods.Count, skipped, price, needed, cost,
            cost / Math.Max(demand, MinimumPodDemand), null);
    }

    private static ExpanderDecision Decide(List<OptionAssessment> assessments, CallState call)
    {
        if (assessments.Count == 0)
        {
            return new ExpanderDecision(DecisionBasis.NoOptions, [], assessments, call.Skipped, call.FirstSkipReason);
        }

        var (basis, tier) = assessments.Any(a => a.IsPreferred)
            ? (DecisionBasis.Cheapest, assessments.Where(a => a.IsPreferred).ToList())
            : (DecisionBasis.CheapestOfPriced, assessments.Where(a => a.IsPriced).ToList());
        if (tier.Count == 0)
        {
            var offered = assessments.Where(a => a.NodeGroupId.Length > 0).Select(a => a.Index).ToList();
            return new ExpanderDecision(DecisionBasis.AllOffered, offered, assessments, call.Skipped, call.FirstSkipReason);
        }

        var best = tier.Min(a => a.Score!.Value);
        var chosen = tier.Where(a => a.Score == best).Select(a => a.Index).ToList();
        return new ExpanderDecision(basis, chosen, assessments, call.Skipped, call.FirstSkipReason);
    }

    /// <summary>A pod's size in CPU cores, memory counted at 4 GiB per core, at least 0.1.</summary>
    private static decimal Demand(PendingPod pod) =>
        Math.Max(Math.Max((pod.Requests.MilliCpu ?? 0) / 1000m, (pod.Requests.MemoryBytes ?? 0) / GiB / MemoryGiBPerCpu), MinimumPodDemand);

    /// <summary>For templates that do not state a resource: what the type leaves to pods (<see cref="NodeReservation"/>).</summary>
    private static ResourceAmounts CatalogAllocatable(InstanceType type) =>
        new(NodeReservation.AllocatableMillicores(type), NodeReservation.AllocatableMemoryMiB(type) * 1024 * 1024, type.GpuCount, null);

    /// <summary>One call's snapshot and decoding caches: each template decoded once, each distinct pod once.</summary>
    private sealed class CallState(CatalogSnapshot snapshot, BestOptionsRequest request)
    {
        private readonly Dictionary<string, (TemplateNode? Node, string? Problem)> templates = new(StringComparer.Ordinal);
        private readonly Dictionary<ByteString, PendingPod?> pods = new(PodBytesComparer.Instance);

        public CatalogSnapshot Snapshot { get; } = snapshot;

        public int Skipped { get; private set; }

        public string? FirstSkipReason { get; private set; }

        public (TemplateNode? Node, string? Problem) Template(string id)
        {
            if (templates.TryGetValue(id, out var known))
            {
                return known;
            }

            (TemplateNode?, string?) result;
            if (!request.NodeBytesMap.TryGetValue(id, out var bytes) && !request.NodeMap.TryGetValue(id, out bytes))
            {
                result = (null, "no template node for the node group");
            }
            else if (NodeDecoder.TryDecode(bytes.Memory, out var node, out var error))
            {
                result = (node, null);
            }
            else
            {
                result = (null, $"undecodable template node: {error}");
                Skip(result.Item2!);
            }

            templates[id] = result;
            return result;
        }

        public PendingPod? Pod(ByteString bytes)
        {
            if (pods.TryGetValue(bytes, out var known))
            {
                return known;
            }

            PendingPod? pod = null;
            if (PodDecoder.TryDecode(bytes.Memory, out var decoded, out var error))
            {
                pod = decoded;
            }
            else
            {
                Skip($"undecodable pod: {error}");
            }

            pods[bytes] = pod;
            return pod;
        }

        private void Skip(string reason)
        {
            Skipped++;
            FirstSkipReason ??= reason;
        }
    }
}
