namespace Recommender.Secrets.Tests;

/// <summary>One request as the client sent it (<see cref="RecordingHandler"/>).</summary>
public sealed record SentRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string[]> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(",", values) : null;
}
