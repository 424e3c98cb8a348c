using System.Collections.Concurrent;

namespace Recommender.Secrets.Tests;

/// <summary>Sits in the Vault client's HttpClient and keeps what each request carried: method, address, every header, body.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<SentRequest> sent = new();

    public IReadOnlyList<SentRequest> Sent => [.. sent];

    public void Clear() => sent.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        sent.Enqueue(new SentRequest(request.Method.Method, request.RequestUri!, headers, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
