using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>
/// One Vault API call as the transport sends it. <see cref="Path"/> is the path after <c>/v1/</c>, already escaped;
/// <see cref="Operation"/> names the call in logs and messages (<c>read</c>, <c>write</c>, <c>login</c>…).
/// <see cref="Authenticated"/> calls carry the token; <see cref="RetryWithNewToken"/> lets a 403 trigger one fresh login
/// and one more try.
/// </summary>
internal sealed record VaultCall(
    string Operation,
    HttpMethod Method,
    string Path,
    JsonObject? Body = null,
    string? Query = null,
    bool Authenticated = true,
    bool RetryWithNewToken = true);
