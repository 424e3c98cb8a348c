namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// What gets signed and sent, whatever the API style: RPC calls are <c>POST /</c> with every parameter in the query
/// and an empty body; ROA calls have a REST path, query and usually a JSON body.
/// </summary>
internal sealed record OpenApiCall(
    string Product,
    string Version,
    string Action,
    string Region,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    byte[] Body,
    string? ContentType,
    bool Idempotent = true);
