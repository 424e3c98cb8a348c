using Google.Protobuf;
using Recommender.Expander.Kubernetes;

namespace Recommender.Expander.Tests.Kubernetes;

public sealed class NodeDecoderTests
{
    [Fact]
    public void Reads_an_Alibaba_template_as_CA_builds_it()
    {
        var bytes = KubeObjects.Template("ecs.g7.2xlarge", zone: "cn-test-b", cpu: "8", memory: "34359738368",
            labels: new Dictionary<string, string> { ["node.alibabacloud.com/spot-strategy"] = "SpotAsPriceGo" }).ToByteArray();

        var node = NodeDecoder.Decode(bytes);

        Assert.Equal("template-ecs.g7.2xlarge-cn-test-b", node.Name);
        Assert.Equal("ecs.g7.2xlarge", node.Label("node.kubernetes.io/instance-type"));
        Assert.Equal("cn-test-b", node.Label("topology.kubernetes.io/zone"));
        Assert.Equal("cn-test", node.Label("topology.kubernetes.io/region"));
        Assert.Equal("amd64", node.Label("kubernetes.io/arch"));
        Assert.Equal("SpotAsPriceGo", node.Label("node.alibabacloud.com/spot-strategy"));
        Assert.Equal(new ResourceAmounts(8000, 34_359_738_368, 0, 110), node.Capacity);
        Assert.Equal(node.Capacity, node.Allocatable);
        Assert.Empty(node.Taints);
        Assert.False(node.Unschedulable);
    }

    [Fact]
    public void An_empty_label_reads_as_absent()
    {
        var node = NodeDecoder.Decode(KubeObjects.Template("ecs.g7.large", zone: null).ToByteArray());

        Assert.True(node.Labels.ContainsKey("topology.kubernetes.io/zone"));
        Assert.Null(node.Label("topology.kubernetes.io/zone"));
    }

    [Fact]
    public void Reads_taints_allocatable_apart_from_capacity_and_node_info()
    {
        var template = KubeObjects.Template("ecs.gn7i.xlarge", cpu: "4", gpu: "1",
            taints: [KubeObjects.Taint("nvidia.com/gpu", "present", "NoSchedule")]);
        template.Status.Allocatable["cpu"] = new Wire.Quantity { String = "3920m" };
        template.Status.Allocatable["memory"] = new Wire.Quantity { String = "13621Mi" };
        template.Status.NodeInfo.Architecture = "arm64";
        template.Status.NodeInfo.OperatingSystem = "linux";
        template.Spec.Unschedulable = true;

        var node = NodeDecoder.Decode(template.ToByteArray());

        Assert.Equal(new Taint("nvidia.com/gpu", "present", "NoSchedule"), Assert.Single(node.Taints));
        Assert.Equal(new ResourceAmounts(3920, 13621L * 1024 * 1024, 1, 110), node.Allocatable);
        Assert.Equal(4000, node.Capacity.MilliCpu);
        Assert.Equal(("linux", "arm64"), (node.OperatingSystem, node.Architecture));
        Assert.True(node.Unschedulable);
    }

    [Fact]
    public void Reads_the_API_servers_envelope_too()
    {
        var node = NodeDecoder.Decode(KubeObjects.InEnvelope(KubeObjects.Template("ecs.c7.large")));

        Assert.Equal("ecs.c7.large", node.Label("node.kubernetes.io/instance-type"));
    }

    [Fact]
    public void Skips_fields_it_does_not_know()
    {
        var template = KubeObjects.Template("ecs.g7.large").ToByteArray();
        var extra = new MemoryStream();
        using (var output = new CodedOutputStream(extra, leaveOpen: true))
        {
            output.WriteTag(99, WireFormat.WireType.Varint);
            output.WriteInt64(42);
            output.WriteTag(98, WireFormat.WireType.Fixed64);
            output.WriteFixed64(7);
            output.WriteTag(97, WireFormat.WireType.LengthDelimited);
            output.WriteString("future field");
        }

        byte[] both = [.. extra.ToArray(), .. template];
        var node = NodeDecoder.Decode(both);

        Assert.Equal("ecs.g7.large", node.Label("node.kubernetes.io/instance-type"));
    }

    [Fact]
    public void Reads_no_resources_when_the_template_has_none()
    {
        var node = NodeDecoder.Decode(new Wire.Node { Metadata = new Wire.ObjectMeta { Name = "bare" } }.ToByteArray());

        Assert.Equal(ResourceAmounts.None, node.Usable);
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0x05, 0x0a })]
    [InlineData(new byte[] { 0xff, 0xff, 0xff })]
    [InlineData(new byte[] { 0x0a, 0x02, 0x0a, 0x7f })]
    [InlineData(new byte[] { 0x0f })]
    public void Refuses_bytes_that_are_not_a_message(byte[] bytes)
    {
        Assert.False(NodeDecoder.TryDecode(bytes, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Refuses_a_truncated_template()
    {
        var bytes = KubeObjects.Template("ecs.g7.large").ToByteArray();

        Assert.False(NodeDecoder.TryDecode(bytes.AsMemory(0, bytes.Length - 3), out _, out _));
    }
}
