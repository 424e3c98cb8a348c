using System.Buffers.Binary;
using System.Numerics;
using Google.Protobuf;

namespace Recommender.Expander.Pricing;

/// <summary>
/// Equality of serialized pods by content, with a cheap hash of the length, the first 256 and the last 64 bytes: CA
/// repeats the same pending pods in many options, and <see cref="ByteString.GetHashCode"/> reads every byte one at a
/// time (about as slow as decoding the pod). A pod's metadata (name, uid) comes first, so distinct pods rarely share a
/// hash, and equal hashes are confirmed by comparing all bytes.
/// </summary>
internal sealed class PodBytesComparer : IEqualityComparer<ByteString>
{
    public static readonly PodBytesComparer Instance = new();

    private const int Head = 256;
    private const int Tail = 64;
    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    public bool Equals(ByteString? x, ByteString? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Span.SequenceEqual(y.Span));

    public int GetHashCode(ByteString obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var span = obj.Span;
        var hash = (ulong)span.Length * Multiplier;
        hash = Mix(hash, span[..Math.Min(span.Length, Head)]);
        hash = Mix(hash, span[Math.Max(0, span.Length - Tail)..]);
        return (int)(hash ^ (hash >> 32));
    }

    private static ulong Mix(ulong hash, ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier, 31);
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            hash = BitOperations.RotateLeft((hash ^ b) * Multiplier, 31);
        }

        return hash;
    }
}
