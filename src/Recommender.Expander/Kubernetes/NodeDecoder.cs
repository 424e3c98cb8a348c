using Google.Protobuf;

namespace Recommender.Expander.Kubernetes;

/// <summary>
/// Decodes a serialized <c>k8s.io.api.core.v1.Node</c>, reading only what <see cref="TemplateNode"/> holds. Field numbers
/// (Kubernetes' generated.proto): Node metadata 1, spec 2, status 3; ObjectMeta name 1, labels 11; NodeSpec
/// unschedulable 4, taints 5 (key 1, value 2, effect 3); NodeStatus capacity 1, allocatable 2, nodeInfo 7
/// (operatingSystem 9, architecture 10).
/// </summary>
public static class NodeDecoder
{
    /// <summary>False with a reason when the bytes are not a protobuf message.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> bytes, out TemplateNode node, out string error) =>
        ProtoWire.TryDecode(bytes, Decode, out node, out error);

    /// <exception cref="InvalidProtocolBufferException">The bytes are not a protobuf message.</exception>
    /// <exception cref="MalformedMessageException">A nested message's length runs past its parent.</exception>
    public static TemplateNode Decode(ReadOnlyMemory<byte> bytes)
    {
        var input = ProtoWire.Open(bytes, out var end);
        var builder = new Builder();
        while (input.NextField(end, out var field, out var wire))
        {
            if (!ProtoWire.IsLengthDelimited(wire))
            {
                input.SkipLastField();
                continue;
            }

            switch (field)
            {
                case 1:
                    ReadMetadata(input, builder);
                    break;
                case 2:
                    ReadSpec(input, builder);
                    break;
                case 3:
                    ReadStatus(input, builder);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new TemplateNode(
            builder.Name, builder.Labels, builder.Taints, builder.Unschedulable, builder.Capacity, builder.Allocatable,
            builder.OperatingSystem, builder.Architecture);
    }

    private static void ReadMetadata(CodedInputStream input, Builder node)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && ProtoWire.IsLengthDelimited(wire))
            {
                node.Name = input.ReadString();
            }
            else if (field == 11 && ProtoWire.IsLengthDelimited(wire))
            {
                input.ReadStringMapEntry(node.Labels);
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private static void ReadSpec(CodedInputStream input, Builder node)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 4 && wire == WireFormat.WireType.Varint)
            {
                node.Unschedulable = input.ReadBool();
            }
            else if (field == 5 && ProtoWire.IsLengthDelimited(wire))
            {
                node.Taints.Add(ReadTaint(input));
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private static Taint ReadTaint(CodedInputStream input)
    {
        var end = input.BeginMessage();
        string key = "", value = "", effect = "";
        while (input.NextField(end, out var field, out var wire))
        {
            switch (field)
            {
                case 1 when ProtoWire.IsLengthDelimited(wire):
                    key = input.ReadString();
                    break;
                case 2 when ProtoWire.IsLengthDelimited(wire):
                    value = input.ReadString();
                    break;
                case 3 when ProtoWire.IsLengthDelimited(wire):
                    effect = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return new Taint(key, value, effect);
    }

    private static void ReadStatus(CodedInputStream input, Builder node)
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
                case 1:
                    var (capacityName, capacity) = input.ReadQuantityMapEntry();
                    node.Capacity = node.Capacity.With(capacityName, capacity);
                    break;
                case 2:
                    var (allocatableName, allocatable) = input.ReadQuantityMapEntry();
                    node.Allocatable = node.Allocatable.With(allocatableName, allocatable);
                    break;
                case 7:
                    ReadNodeInfo(input, node);
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
    }

    private static void ReadNodeInfo(CodedInputStream input, Builder node)
    {
        var end = input.BeginMessage();
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 9 && ProtoWire.IsLengthDelimited(wire))
            {
                node.OperatingSystem = input.ReadString();
            }
            else if (field == 10 && ProtoWire.IsLengthDelimited(wire))
            {
                node.Architecture = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }
    }

    private sealed class Builder
    {
        public string Name { get; set; } = "";

        public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

        public List<Taint> Taints { get; } = [];

        public bool Unschedulable { get; set; }

        public ResourceAmounts Capacity { get; set; } = ResourceAmounts.None;

        public ResourceAmounts Allocatable { get; set; } = ResourceAmounts.None;

        public string OperatingSystem { get; set; } = "";

        public string Architecture { get; set; } = "";
    }
}
