using Google.Protobuf;
using Recommender.Expander.Tests.Wire;

namespace Recommender.Expander.Tests;

/// <summary>
/// Template nodes and pending pods as CA sends them: every string field Go writes even when empty is set (proto2
/// presence makes Google.Protobuf write it), an empty creationTimestamp, a node info of empty strings, and Alibaba-style
/// resources (plain CPU count, memory in bytes, <c>pods</c> 110, <c>nvidia.com/gpu</c> 0; allocatable = capacity).
/// </summary>
public static class KubeObjects
{
    public const string Region = "cn-test";

    public static Node Template(
        string instanceType,
        string? zone = null,
        string? region = Region,
        string cpu = "2",
        string memory = "8589934592",
        string gpu = "0",
        IReadOnlyDictionary<string, string>? labels = null,
        IReadOnlyList<Taint>? taints = null)
    {
        var meta = GoMeta($"template-{instanceType}-{zone}");
        meta.Labels.Add("kubernetes.io/arch", "amd64");
        meta.Labels.Add("kubernetes.io/os", "linux");
        meta.Labels.Add("node.kubernetes.io/instance-type", instanceType);
        meta.Labels.Add("kubernetes.io/hostname", meta.Name);
        if (region is not null)
        {
            meta.Labels.Add("topology.kubernetes.io/region", region);
        }

        // CA's Alibaba templates carry the zone label even when the scaling group spans zones (then empty).
        meta.Labels.Add("topology.kubernetes.io/zone", zone ?? "");
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
        {
            meta.Labels[key] = value;
        }

        var status = new NodeStatus { Phase = "", NodeInfo = EmptyNodeInfo() };
        foreach (var (name, value) in new[] { ("cpu", cpu), ("memory", memory), ("pods", "110"), ("nvidia.com/gpu", gpu) })
        {
            status.Capacity.Add(name, new Quantity { String = value });
            status.Allocatable.Add(name, new Quantity { String = value });
        }

        status.Conditions.Add(new NodeCondition { Type = "Ready", Status = "True" });
        var spec = new NodeSpec { PodCIDR = "", ProviderID = "", Unschedulable = false };
        spec.Taints.AddRange(taints ?? []);
        return new Node { Metadata = meta, Spec = spec, Status = status };
    }

    public static Pod Pending(
        string name,
        string cpu = "500m",
        string memory = "1Gi",
        IReadOnlyDictionary<string, string>? nodeSelector = null,
        IReadOnlyList<Toleration>? tolerations = null)
    {
        var pod = new Pod { Metadata = GoMeta(name), Spec = new PodSpec { RestartPolicy = "Always", SchedulerName = "default-scheduler" } };
        pod.Metadata.Namespace = "default";
        pod.Spec.Containers.Add(Container("app", requests: Resources(("cpu", cpu), ("memory", memory))));
        foreach (var (key, value) in nodeSelector ?? new Dictionary<string, string>())
        {
            pod.Spec.NodeSelector.Add(key, value);
        }

        pod.Spec.Tolerations.AddRange(tolerations ?? []);
        pod.Status = new PodStatus { Phase = "Pending" };
        return pod;
    }

    public static Container Container(string name, ResourceRequirements? requests = null, string? restartPolicy = null)
    {
        var container = new Container { Name = name, Image = "registry.example/app:1", Resources = requests ?? new ResourceRequirements() };
        if (restartPolicy is not null)
        {
            container.RestartPolicy = restartPolicy;
        }

        return container;
    }

    /// <summary>Requests only.</summary>
    public static ResourceRequirements Resources(params (string Name, string Quantity)[] requests) => Resources(requests, []);

    public static ResourceRequirements Resources((string Name, string Quantity)[] requests, (string Name, string Quantity)[] limits)
    {
        var resources = new ResourceRequirements();
        foreach (var (name, quantity) in requests)
        {
            resources.Requests.Add(name, new Quantity { String = quantity });
        }

        foreach (var (name, quantity) in limits)
        {
            resources.Limits.Add(name, new Quantity { String = quantity });
        }

        return resources;
    }

    public static Taint Taint(string key, string value, string effect) => new() { Key = key, Value = value, Effect = effect, TimeAdded = new Time() };

    public static Toleration Toleration(string key, string op, string value, string effect) =>
        new() { Key = key, Operator = op, Value = value, Effect = effect };

    /// <summary>The API server's form: <c>k8s\0</c> then a runtime.Unknown holding the message.</summary>
    public static byte[] InEnvelope(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var unknown = new Unknown { TypeMeta = ByteString.Empty, Raw = message.ToByteString(), ContentEncoding = "", ContentType = "" };
        return [.. "k8s\0"u8, .. unknown.ToByteArray()];
    }

    private static ObjectMeta GoMeta(string name) => new()
    {
        Name = name,
        GenerateName = "",
        Namespace = "",
        SelfLink = "",
        Uid = "",
        ResourceVersion = "",
        Generation = 0,
        CreationTimestamp = new Time(),
    };

    private static NodeSystemInfo EmptyNodeInfo() => new()
    {
        MachineID = "",
        SystemUUID = "",
        BootID = "",
        KernelVersion = "",
        OsImage = "",
        ContainerRuntimeVersion = "",
        KubeletVersion = "",
        KubeProxyVersion = "",
        OperatingSystem = "",
        Architecture = "",
    };
}
