using Google.Protobuf;

namespace Recommender.Expander.Kubernetes;

/// <summary>
/// Decodes a serialized <c>k8s.io.api.core.v1.Pod</c>, reading only what <see cref="PendingPod"/> holds. Field numbers
/// (Kubernetes' generated.proto): Pod metadata 1, spec 2; ObjectMeta name 1, namespace 3; PodSpec containers 2,
/// nodeSelector 7, affinity 18, initContainers 20, tolerations 22, overhead 32, resources 40; Container resources 8,
/// restartPolicy 24; ResourceRequirements limits 1, requests 2; Toleration key 1, operator 2, value 3, effect 4;
/// Affinity nodeAffinity 1 → required 1 → nodeSelectorTerms 1 → matchExpressions 1 (key 1, operator 2, values 3).
/// </summary>
/// <remarks>
/// Requests follow Kubernetes' resource helpers: a container's request defaults to its limit; the pod asks for the
/// larger of (containers + restartable init containers, i.e. sidecars) and the peak while init containers run in order;
/// pod-level resources replace the container sum for the resources they name; overhead is added.
/// </remarks>
public static class PodDecoder
{
    /// <summary>False with a reason when the bytes are not a protobuf message.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> bytes, out PendingPod pod, out string error) =>
        ProtoWire.TryDecode(bytes, Decode, out pod, out error);

    /// <exception cref="InvalidProtocolBufferException">The bytes are not a protobuf message.</exception>
    /// <exception cref="MalformedMessageException">A nested message's length runs past its parent.</exception>
    public static PendingPod Decode(ReadOnlyMemory<byte> bytes)
    {
        var input = ProtoWire.Open(bytes, out var end);
        var pod = new Builder();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && ProtoWire.IsLengthDelimited(wire))
            {
                ReadMetadata(input, pod);
            }
            else if (field == 2 && ProtoWire.IsLengthDelimited(wire))
            {
                ReadSpec(input, pod);
            }
            else
            {
                input.SkipLastField();
            }
        }

        return new PendingPod(pod.Namespace, pod.Name, pod.Requests(), pod.NodeSelector, pod.Tolerations, pod.Affinity);
    }

    private static void ReadMetadata(CodedInputStream input, Builder pod)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && ProtoWire.IsLengthDelimited(wire))
            {
                pod.Name = input.ReadString();
            }
            else if (field == 3 && ProtoWire.IsLengthDelimited(wire))
            {
                pod.Namespace = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private static void ReadSpec(CodedInputStream input, Builder pod)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (!ProtoWire.IsLengthDelimited(wire))
            {
                input.SkipLastField();
                continue;
            }

            switch (field)
            {
                case 2:
                    pod.Containers.Add(ReadContainer(input).Requests);
                    break;
                case 20:
                    pod.InitContainers.Add(ReadContainer(input));
                    break;
                case 7:
                    input.ReadStringMapEntry(pod.NodeSelector);
                    break;
                case 18:
                    ReadAffinity(input, pod.Affinity);
                    break;
                case 22:
                    pod.Tolerations.Add(ReadToleration(input));
                    break;
                case 32:
                    var (name, quantity) = input.ReadQuantityMapEntry();
                    pod.Overhead = pod.Overhead.With(name, quantity);
                    break;
                case 40:
                    pod.PodLevel = ReadRequirements(input);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
    }

    private static (ResourceAmounts Requests, bool Restartable) ReadContainer(CodedInputStream input)
    {
        var end = input.BeginMessage();
        var requests = ResourceAmounts.None;
        var restartable = false;
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 8 && ProtoWire.IsLengthDelimited(wire))
            {
                requests = ReadRequirements(input);
            }
            else if (field == 24 && ProtoWire.IsLengthDelimited(wire))
            {
                restartable = input.ReadString() == "Always";
            }
            else
            {
                input.SkipLastField();
            }
        }

        return (requests, restartable);
    }

    /// <summary>Requests, each defaulting to the limit of the same resource (as the API server defaults them).</summary>
    private static ResourceAmounts ReadRequirements(CodedInputStream input)
    {
        var end = input.BeginMessage();
        ResourceAmounts limits = ResourceAmounts.None, requests = ResourceAmounts.None;
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && ProtoWire.IsLengthDelimited(wire))
            {
                var (name, quantity) = input.ReadQuantityMapEntry();
                limits = limits.With(name, quantity);
            }
            else if (field == 2 && ProtoWire.IsLengthDelimited(wire))
            {
                var (name, quantity) = input.ReadQuantityMapEntry();
                requests = requests.With(name, quantity);
            }
            else
            {
                input.SkipLastField();
            }
        }

        return requests.Or(limits);
    }

    private static Toleration ReadToleration(CodedInputStream input)
    {
        var end = input.BeginMessage();
        string key = "", op = "", value = "", effect = "";
        while (input.NextField(end, out var field, out var wire))
        {
            switch (field)
            {
                case 1 when ProtoWire.IsLengthDelimited(wire):
                    key = input.ReadString();
                    break;
                case 2 when ProtoWire.IsLengthDelimited(wire):
                    op = input.ReadString();
                    break;
                case 3 when ProtoWire.IsLengthDelimited(wire):
                    value = input.ReadString();
                    break;
                case 4 when ProtoWire.IsLengthDelimited(wire):
                    effect = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new Toleration(key, op, value, effect);
    }

    /// <summary>Affinity.nodeAffinity (1) → requiredDuringSchedulingIgnoredDuringExecution (1) → nodeSelectorTerms (1).</summary>
    private static void ReadAffinity(CodedInputStream input, List<IReadOnlyList<NodeSelectorRequirement>> terms)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && ProtoWire.IsLengthDelimited(wire))
            {
                ReadNested(input, 1, inner => ReadNested(inner, 1, term => ReadTerm(term, terms)));
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    /// <summary>Reads a message and hands its field <paramref name="wanted"/> (each occurrence) to <paramref name="read"/>.</summary>
    private static void ReadNested(CodedInputStream input, int wanted, Action<CodedInputStream> read)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == wanted && ProtoWire.IsLengthDelimited(wire))
            {
                read(input);
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private static void ReadTerm(CodedInputStream input, List<IReadOnlyList<NodeSelectorRequirement>> terms)
    {
        var expressions = new List<NodeSelectorRequirement>();
        ReadNested(input, 1, requirement => expressions.Add(ReadRequirement(requirement)));
        if (expressions.Count > 0)
        {
            terms.Add(expressions);
        }
    }

    private static NodeSelectorRequirement ReadRequirement(CodedInputStream input)
    {
        var end = input.BeginMessage();
        string key = "", op = "";
        var values = new List<string>();
        while (input.NextField(end, out var field, out var wire))
        {
            switch (field)
            {
                case 1 when ProtoWire.IsLengthDelimited(wire):
                    key = input.ReadString();
                    break;
                case 2 when ProtoWire.IsLengthDelimited(wire):
                    op = input.ReadString();
                    break;
                case 3 when ProtoWire.IsLengthDelimited(wire):
                    values.Add(input.ReadString());
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new NodeSelectorRequirement(key, op, values);
    }

    private sealed class Builder
    {
        public string Name { get; set; } = "";

        public string Namespace { get; set; } = "";

        public List<ResourceAmounts> Containers { get; } = [];

        public List<(ResourceAmounts Requests, bool Restartable)> InitContainers { get; } = [];

        public Dictionary<string, string> NodeSelector { get; } = new(StringComparer.Ordinal);

        public List<Toleration> Tolerations { get; } = [];

        public List<IReadOnlyList<NodeSelectorRequirement>> Affinity { get; } = [];

        public ResourceAmounts Overhead { get; set; } = ResourceAmounts.None;

        public ResourceAmounts? PodLevel { get; set; }

        /// <summary>
        /// max(containers + sidecars, peak of the init phase) where the init phase runs each init container in order
        /// next to the sidecars started before it; pod-level resources win for what they name; plus overhead; one pod slot.
        /// </summary>
        public ResourceAmounts Requests()
        {
            var sidecars = ResourceAmounts.None;
            var initPeak = ResourceAmounts.None;
            foreach (var (requests, restartable) in InitContainers)
            {
                if (restartable)
                {
                    sidecars += requests;
                    initPeak = ResourceAmounts.Max(initPeak, sidecars);
                }
                else
                {
                    initPeak = ResourceAmounts.Max(initPeak, sidecars + requests);
                }
            }

            var running = Containers.Aggregate(ResourceAmounts.None, ResourceAmounts.Add) + sidecars;
            var total = ResourceAmounts.Max(running, initPeak);
            if (PodLevel is { } podLevel)
            {
                total = (podLevel with { Gpus = total.Gpus, Pods = null }).Or(total);
            }

            return (total + Overhead) with { Pods = 1 };
        }
    }
}
