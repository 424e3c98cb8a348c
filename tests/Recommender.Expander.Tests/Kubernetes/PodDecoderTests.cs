using Google.Protobuf;
using Recommender.Expander.Kubernetes;
using static Recommender.Expander.Tests.KubeObjects;

namespace Recommender.Expander.Tests.Kubernetes;

public sealed class PodDecoderTests
{
    private const long Mi = 1024 * 1024;
    private const long Gi = 1024 * Mi;

    [Fact]
    public void Reads_a_pending_pod()
    {
        var pod = PodDecoder.Decode(Pending("web-1", cpu: "250m", memory: "512Mi",
            nodeSelector: new Dictionary<string, string> { ["app-tier"] = "web" },
            tolerations: [KubeObjects.Toleration("dedicated", "Equal", "web", "NoSchedule")]).ToByteArray());

        Assert.Equal(("default", "web-1"), (pod.Namespace, pod.Name));
        Assert.Equal(new ResourceAmounts(250, 512 * Mi, null, 1), pod.Requests);
        Assert.Equal("web", pod.NodeSelector["app-tier"]);
        Assert.Equal(new Toleration("dedicated", "Equal", "web", "NoSchedule"), Assert.Single(pod.Tolerations));
    }

    [Fact]
    public void Sums_containers_and_takes_a_limit_where_a_request_is_missing()
    {
        var pod = Pending("two");
        pod.Spec.Containers.Add(Container("gpu-sidecar", Resources([("cpu", "1")], [("nvidia.com/gpu", "1"), ("memory", "2Gi")])));

        var decoded = PodDecoder.Decode(pod.ToByteArray());

        Assert.Equal(new ResourceAmounts(1500, 3 * Gi, 1, 1), decoded.Requests);
    }

    [Fact]
    public void Init_containers_count_at_their_peak_and_sidecars_all_along()
    {
        var pod = Pending("init", cpu: "1", memory: "1Gi");
        pod.Spec.InitContainers.Add(Container("migrate", Resources(("cpu", "3"), ("memory", "512Mi"))));
        pod.Spec.InitContainers.Add(Container("proxy", Resources(("cpu", "200m"), ("memory", "128Mi")), restartPolicy: "Always"));
        pod.Spec.InitContainers.Add(Container("warm", Resources(("cpu", "100m"), ("memory", "4Gi"))));

        var decoded = PodDecoder.Decode(pod.ToByteArray());

        // CPU: max(1 + 0.2 sidecar, 3 first init) = 3; memory: max(1Gi + 128Mi, 128Mi + 4Gi during "warm") = 4Gi + 128Mi.
        Assert.Equal(3000, decoded.Requests.MilliCpu);
        Assert.Equal((4 * Gi) + (128 * Mi), decoded.Requests.MemoryBytes);
    }

    [Fact]
    public void Overhead_is_added_and_pod_level_resources_win()
    {
        var pod = Pending("kata", cpu: "1", memory: "1Gi");
        pod.Spec.Overhead.Add("cpu", new Wire.Quantity { String = "250m" });
        pod.Spec.Overhead.Add("memory", new Wire.Quantity { String = "120Mi" });
        pod.Spec.Resources = Resources(("cpu", "2"));

        var decoded = PodDecoder.Decode(pod.ToByteArray());

        Assert.Equal(2250, decoded.Requests.MilliCpu);
        Assert.Equal(Gi + (120 * Mi), decoded.Requests.MemoryBytes);
    }

    [Fact]
    public void Reads_required_node_affinity()
    {
        var pod = Pending("affine");
        var term = new Wire.NodeSelectorTerm();
        term.MatchExpressions.Add(new Wire.NodeSelectorRequirement { Key = "kubernetes.io/arch", Operator = "In", Values = { "arm64" } });
        var fieldsOnly = new Wire.NodeSelectorTerm();
        fieldsOnly.MatchFields.Add(new Wire.NodeSelectorRequirement { Key = "metadata.name", Operator = "In", Values = { "n1" } });
        pod.Spec.Affinity = new Wire.Affinity
        {
            NodeAffinity = new Wire.NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new Wire.NodeSelector { NodeSelectorTerms = { term, fieldsOnly } },
            },
        };

        var decoded = PodDecoder.Decode(pod.ToByteArray());

        var requirement = Assert.Single(Assert.Single(decoded.RequiredNodeAffinity));
        Assert.Equal(("kubernetes.io/arch", "In", "arm64"), (requirement.Key, requirement.Operator, Assert.Single(requirement.Values)));
    }

    [Fact]
    public void A_pod_without_requests_asks_for_one_slot()
    {
        var decoded = PodDecoder.Decode(new Wire.Pod { Spec = new Wire.PodSpec { Containers = { Container("best-effort") } } }.ToByteArray());

        Assert.Equal(new ResourceAmounts(null, null, null, 1), decoded.Requests);
    }

    [Fact]
    public void Refuses_garbage_and_reads_the_envelope()
    {
        Assert.False(PodDecoder.TryDecode(new byte[] { 0x12, 0x10, 0x01 }, out _, out _));
        Assert.Equal("wrapped", PodDecoder.Decode(InEnvelope(Pending("wrapped"))).Name);
    }
}
