using System.Buffers.Binary;
using System.Numerics;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// The SM3 hash (GB/T 32905-2016) and HMAC-SM3, written from the standard: .NET has neither, and the gateway accepts
/// <c>ACS3-HMAC-SM3</c> signatures (V3 with SM3 in place of SHA-256, contract §6), so the emulator verifies them too.
/// Not constant-time and not fast: for verifying test traffic only.
/// </summary>
public static class Sm3
{
    public const int BlockSize = 64;

    private static readonly uint[] InitialValue =
        [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        // Padding as in SHA-256: a 1 bit, zeros to 56 mod 64 bytes, the bit length big-endian in 64 bits.
        var padded = new byte[((message.Length + 8) / BlockSize + 1) * BlockSize];
        message.CopyTo(padded);
        padded[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(padded.AsSpan(padded.Length - 8), (ulong)message.Length * 8);
        var v = (uint[])InitialValue.Clone();
        for (var offset = 0; offset < padded.Length; offset += BlockSize)
        {
            Compress(v, padded.AsSpan(offset, BlockSize));
        }

        var digest = new byte[32];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), v[i]);
        }

        return digest;
    }

    public static string HashHex(ReadOnlySpan<byte> message) => Convert.ToHexStringLower(Hash(message));

    /// <summary>HMAC (RFC 2104) over SM3, 64-byte blocks.</summary>
    public static byte[] Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        var block = new byte[BlockSize];
        (key.Length > BlockSize ? Hash(key) : key).CopyTo(block);
        var inner = new byte[BlockSize + message.Length];
        var outer = new byte[BlockSize + 32];
        for (var i = 0; i < BlockSize; i++)
        {
            inner[i] = (byte)(block[i] ^ 0x36);
            outer[i] = (byte)(block[i] ^ 0x5c);
        }

        message.CopyTo(inner.AsSpan(BlockSize));
        Hash(inner).CopyTo(outer.AsSpan(BlockSize));
        return Hash(outer);
    }

    private static void Compress(uint[] v, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[68];
        for (var j = 0; j < 16; j++)
        {
            w[j] = BinaryPrimitives.ReadUInt32BigEndian(block[(j * 4)..]);
        }

        for (var j = 16; j < 68; j++)
        {
            w[j] = P1(w[j - 16] ^ w[j - 9] ^ BitOperations.RotateLeft(w[j - 3], 15)) ^ BitOperations.RotateLeft(w[j - 13], 7) ^ w[j - 6];
        }

        var (a, b, c, d, e, f, g, h) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        for (var j = 0; j < 64; j++)
        {
            var t = j < 16 ? 0x79cc4519u : 0x7a879d8au;
            var ss1 = BitOperations.RotateLeft(BitOperations.RotateLeft(a, 12) + e + BitOperations.RotateLeft(t, j % 32), 7);
            var ss2 = ss1 ^ BitOperations.RotateLeft(a, 12);
            var ff = j < 16 ? a ^ b ^ c : (a & b) | (a & c) | (b & c);
            var gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
            var tt1 = ff + d + ss2 + (w[j] ^ w[j + 4]);
            var tt2 = gg + h + ss1 + w[j];
            (d, c, b, a) = (c, BitOperations.RotateLeft(b, 9), a, tt1);
            (h, g, f, e) = (g, BitOperations.RotateLeft(f, 19), e, P0(tt2));
        }

        v[0] ^= a;
        v[1] ^= b;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }

    private static uint P0(uint x) => x ^ BitOperations.RotateLeft(x, 9) ^ BitOperations.RotateLeft(x, 17);

    private static uint P1(uint x) => x ^ BitOperations.RotateLeft(x, 15) ^ BitOperations.RotateLeft(x, 23);
}
