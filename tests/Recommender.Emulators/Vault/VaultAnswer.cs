using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>A successful answer: a status and a JSON body, or no body (204).</summary>
internal sealed record VaultAnswer(int Status, JsonObject? Body)
{
    public static VaultAnswer NoContent { get; } = new(204, null);

    public static VaultAnswer Ok(JsonNode? data, string mountType, IReadOnlyList<string>? warnings = null) =>
        new(200, VaultJson.Envelope(data, mountType, warnings));

    public static VaultAnswer Raw(int status, JsonObject body) => new(status, body);
}
