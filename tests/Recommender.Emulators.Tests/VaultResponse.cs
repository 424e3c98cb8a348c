using System.Net.Http.Headers;
using System.Text.Json;

namespace Recommender.Emulators.Tests;

/// <summary>An answer of the emulator as a raw HTTP client sees it.</summary>
public sealed record VaultResponse(int Status, string Text, string? ContentType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public JsonElement Data => Json.GetProperty("data");

    /// <summary>The <c>errors</c> array as strings.</summary>
    public IReadOnlyList<string> Errors => [.. Json.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];

    public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;
}
