using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>
/// An answer the transport hands back (2xx, 400, 404, and 403 when the call opted out of re-login): the status, the
/// parsed body (null when empty or not JSON) and Vault's <c>errors</c>, already redacted by <see cref="VaultErrorText"/>.
/// </summary>
internal sealed record VaultAnswer(int Status, JsonObject? Body, IReadOnlyList<string> Errors)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonObject? Data => VaultJson.Object(Body, "data");
}
