namespace Recommender.Alibaba.OpenApi;

/// <summary>One ROA-style OpenAPI call (CS/ACK): REST path, query, optional JSON body (hashed byte for byte).</summary>
/// <param name="Path">Decoded path, e.g. <c>/clusters/c123/nodepools</c>; each segment is percent-encoded when signing.</param>
/// <param name="JsonBody">UTF-8 JSON, sent with <c>Content-Type: application/json</c>; null for no body.</param>
/// <param name="Idempotent">
/// False for calls that create something each time they are accepted (CreateCluster, CreateClusterNodePool): a failure
/// after which the request may have been carried out (timeout, lost connection, server error) is then not retried here,
/// since a blind resend could create a duplicate; the caller looks for the result first. Throttling is still retried:
/// the gateway refuses those before the API sees them.
/// </param>
public sealed record RoaCall(
    string Product,
    string Version,
    string Action,
    string Region,
    HttpMethod Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    byte[]? JsonBody = null,
    bool Idempotent = true)
{
    internal OpenApiCall ToCall() =>
        new(Product, Version, Action, Region, Method.Method, Path, Query, JsonBody ?? [], JsonBody is null ? null : "application/json", Idempotent);
}
