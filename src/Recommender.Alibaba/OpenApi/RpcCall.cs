namespace Recommender.Alibaba.OpenApi;

/// <summary>One RPC-style OpenAPI call (ECS): every business parameter goes into the query string.</summary>
/// <param name="Product">Key of <see cref="AlibabaOptions.Endpoints"/>, e.g. <c>Ecs</c>.</param>
/// <param name="Region">Region whose endpoint and rate-limit bucket the call uses.</param>
/// <param name="Parameters">Flattened parameters (<c>InstanceTypes.1</c>); empty values are never sent.</param>
public sealed record RpcCall(string Product, string Version, string Action, string Region, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    internal OpenApiCall ToCall() => new(Product, Version, Action, Region, "POST", "/", Parameters, [], null);
}
