using System.Text;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// RFC 3986 percent-encoding as every Alibaba signature scheme needs it: unreserved <c>A-Z a-z 0-9 - _ . ~</c> stay,
/// every other UTF-8 byte becomes upper-case <c>%XY</c> (space is <c>%20</c>, <c>*</c> is <c>%2A</c>). Written by hand
/// because <see cref="Uri.EscapeDataString(string)"/> has differed across runtimes on <c>!*'()</c>.
/// </summary>
public static class AcsPercentEncoder
{
    private const string Hex = "0123456789ABCDEF";

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Encodes each <c>/</c>-separated segment of a ROA path, keeping the slashes.</summary>
    public static string EncodePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join('/', path.Split('/').Select(Encode));
    }

    private static bool IsUnreserved(byte b) =>
        b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
