using System.Globalization;
using System.Text;

namespace Recommender.Benchmarks.Attacks;

/// <summary>An HTTP/1.1 answer read off a raw stream until the server closes it: status and (de-chunked) body.</summary>
internal sealed record HttpAnswer(string Status, byte[] Body, bool StackTrace)
{
    private const int MaxBytes = 4 * 1024 * 1024;

    public static async Task<HttpAnswer> ReadAsync(Stream stream, CancellationToken ct)
    {
        using var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while (all.Length < MaxBytes && (read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        var bytes = all.ToArray();
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new HttpAnswer(bytes.Length == 0 ? "closed" : "garbled", bytes, ResponseErrors.HasStackTrace(bytes));
        }

        var head = Encoding.ASCII.GetString(bytes, 0, end);
        var statusLine = head.Split("\r\n")[0].Split(' ');
        var body = bytes[(end + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }

        return new HttpAnswer(statusLine.Length > 1 ? statusLine[1] : "garbled", body, ResponseErrors.HasStackTrace(bytes));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0
                || !int.TryParse(Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0], NumberStyles.HexNumber,
                    CultureInfo.InvariantCulture, out var size)
                || size == 0)
            {
                break;
            }

            at += lineEnd + 2;
            body.Write(chunked, at, Math.Min(size, chunked.Length - at));
            at += size + 2;
        }

        return body.ToArray();
    }
}
