using Google.Protobuf;

namespace Recommender.Benchmarks.Expander;

/// <summary>Writes protobuf messages field by field (for Kubernetes objects, whose generated types we do not have).</summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream buffer = new();
    private readonly CodedOutputStream output;

    public ProtoWriter() => output = new CodedOutputStream(buffer, leaveOpen: true);

    public ProtoWriter String(int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        return this;
    }

    public ProtoWriter Int64(int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
        return this;
    }

    public ProtoWriter Message(int field, Action<ProtoWriter> body)
    {
        var nested = new ProtoWriter();
        body(nested);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(nested.ToArray()));
        return this;
    }

    /// <summary>One entry of a <c>map&lt;string, string&gt;</c>.</summary>
    public ProtoWriter Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    /// <summary>One entry of a <c>map&lt;string, Quantity&gt;</c>.</summary>
    public ProtoWriter Quantity(int field, string name, string quantity) => Message(field, e => e.String(1, name).Message(2, q => q.String(1, quantity)));

    public byte[] ToArray()
    {
        output.Flush();
        return buffer.ToArray();
    }
}
