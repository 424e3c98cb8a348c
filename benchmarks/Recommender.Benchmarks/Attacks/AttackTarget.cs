using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// The service under attack: its GraphQL URL (loopback only) and one HTTP client without proxy. A request cancelled
/// by the caller's token drops its connection, so a timed-out attack hangs up on the service.
/// </summary>
internal sealed class AttackTarget : IDisposable
{
    /// <summary>Response bytes kept for reading errors; the rest is only counted.</summary>
    private const int KeptBytes = 16 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public AttackTarget(Uri graphQL)
    {
        if (!IsLoopback(graphQL))
        {
            throw new ArgumentException($"{graphQL} is not a loopback address: attacks only go to 127.0.0.1, ::1 or localhost.");
        }

        GraphQL = graphQL;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public Uri GraphQL { get; }

    public HttpClient Http { get; }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback && (url.Host == "localhost" || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>POSTs a JSON body and reads the whole answer (cancelled: the connection is dropped).</summary>
    public async Task<HttpExchange> PostAsync(byte[] body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQL) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        using var kept = new MemoryStream();
        long total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (kept.Length < KeptBytes)
                {
                    kept.Write(buffer, 0, (int)Math.Min(read, KeptBytes - kept.Length));
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var bytes = kept.GetBuffer().AsSpan(0, (int)kept.Length);
        var complete = kept.Length == total;
        return new HttpExchange(body.Length, (int)response.StatusCode, total, ResponseErrors.Read(bytes, complete),
            ResponseErrors.HasStackTrace(bytes[..Math.Min(bytes.Length, 64 * 1024)]));
    }

    public void Dispose() => Http.Dispose();
}
