using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Recommender.Expander.Kubernetes;

/// <summary>
/// Reading Kubernetes protobuf messages field by field with <see cref="CodedInputStream"/>, without their generated
/// types: a nested message is its length, then fields until the stream position reaches the end that length set.
/// Fields we do not read are skipped; a field whose wire type is not the one we expect is skipped too (never guessed).
/// </summary>
internal static class ProtoWire
{
    /// <summary>The API server's protobuf envelope (<c>k8s\0</c> then a <c>runtime.Unknown</c>); CA sends bare messages.</summary>
    private static ReadOnlySpan<byte> EnvelopeMagic => "k8s\0"u8;

    /// <summary>
    /// Runs <paramref name="decode"/> over <paramref name="bytes"/>; false with the reason when they are not a protobuf
    /// message or a nested length runs past its parent (the decoders' only failures), never an exception.
    /// </summary>
    public static bool TryDecode<T>(ReadOnlyMemory<byte> bytes, Func<ReadOnlyMemory<byte>, T> decode, out T value, out string error)
        where T : class
    {
        try
        {
            value = decode(bytes);
            error = "";
            return true;
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or MalformedMessageException)
        {
            value = null!;
            error = e.Message;
            return false;
        }
    }

    /// <summary>A stream over <paramref name="bytes"/> (no copy when they sit in an array), unwrapping the envelope if present.</summary>
    public static CodedInputStream Open(ReadOnlyMemory<byte> bytes, out long end)
    {
        if (bytes.Span.StartsWith(EnvelopeMagic))
        {
            bytes = Unwrap(bytes[EnvelopeMagic.Length..]);
        }

        var input = Wrap(bytes);
        end = input.Position + bytes.Length;
        return input;
    }

    /// <summary>Reads the length of a nested message and returns the position where it ends.</summary>
    public static long BeginMessage(this CodedInputStream input)
    {
        var length = input.ReadLength();
        if (length < 0)
        {
            throw new MalformedMessageException("Negative length of a nested message.");
        }

        return input.Position + length;
    }

    /// <summary>
    /// Moves to the next field of the message ending at <paramref name="end"/>; false at its end. Throws when a field ran
    /// past the end (a length that lies).
    /// </summary>
    public static bool NextField(this CodedInputStream input, long end, out int field, out WireFormat.WireType wireType)
    {
        var position = input.Position;
        if (position > end)
        {
            throw new MalformedMessageException("A field runs past the end of its message.");
        }

        if (position == end)
        {
            field = 0;
            wireType = default;
            return false;
        }

        var tag = input.ReadTag();
        if (tag == 0)
        {
            throw new MalformedMessageException("The message ends before its declared length.");
        }

        field = WireFormat.GetTagFieldNumber(tag);
        wireType = WireFormat.GetTagWireType(tag);
        if ((int)wireType > (int)WireFormat.WireType.Fixed32)
        {
            throw new MalformedMessageException($"Wire type {(int)wireType} does not exist (field {field}).");
        }

        return true;
    }

    /// <summary>True when the current field is length-delimited (strings, bytes, messages, map entries).</summary>
    public static bool IsLengthDelimited(WireFormat.WireType wireType) => wireType == WireFormat.WireType.LengthDelimited;

    /// <summary>Reads one entry of a <c>map&lt;string, string&gt;</c> into <paramref name="map"/>.</summary>
    public static void ReadStringMapEntry(this CodedInputStream input, Dictionary<string, string> map)
    {
        var end = input.BeginMessage();
        string key = "", value = "";
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && IsLengthDelimited(wire))
            {
                key = input.ReadString();
            }
            else if (field == 2 && IsLengthDelimited(wire))
            {
                value = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        map[key] = value;
    }

    /// <summary>Reads one entry of a <c>map&lt;string, Quantity&gt;</c> (a resource list): the name and the quantity text.</summary>
    public static (string Name, string Quantity) ReadQuantityMapEntry(this CodedInputStream input)
    {
        var end = input.BeginMessage();
        string name = "", quantity = "";
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && IsLengthDelimited(wire))
            {
                name = input.ReadString();
            }
            else if (field == 2 && IsLengthDelimited(wire))
            {
                quantity = ReadQuantity(input);
            }
            else
            {
                input.SkipLastField();
            }
        }

        return (name, quantity);
    }

    /// <summary>Reads a message with one string field 1 (a <c>Quantity</c>).</summary>
    private static string ReadQuantity(CodedInputStream input)
    {
        var end = input.BeginMessage();
        var text = "";
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 1 && IsLengthDelimited(wire))
            {
                text = input.ReadString();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return text;
    }

    private static CodedInputStream Wrap(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new CodedInputStream(segment.Array!, segment.Offset, segment.Count)
            : new CodedInputStream(bytes.ToArray());

    /// <summary><c>runtime.Unknown</c>: typeMeta = 1, raw = 2, contentEncoding = 3, contentType = 4. Returns raw.</summary>
    private static ReadOnlyMemory<byte> Unwrap(ReadOnlyMemory<byte> envelope)
    {
        var input = Wrap(envelope);
        var end = input.Position + envelope.Length;
        var raw = ReadOnlyMemory<byte>.Empty;
        while (input.NextField(end, out var field, out var wire))
        {
            if (field == 2 && IsLengthDelimited(wire))
            {
                raw = input.ReadBytes().Memory;
            }
            else
            {
                input.SkipLastField();
            }
        }

        return raw;
    }
}
