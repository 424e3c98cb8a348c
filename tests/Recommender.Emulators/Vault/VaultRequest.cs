using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>A parsed request on its way to a backend: the operation, the path relative to its namespace and the JSON body.</summary>
internal sealed class VaultRequest
{
    public required VaultOperation Operation { get; init; }

    /// <summary>Relative to <see cref="Namespace"/>, decoded, without <c>/v1/</c>; a list path ends with <c>/</c>.</summary>
    public required string Path { get; init; }

    public required VaultNamespace Namespace { get; init; }

    public required JsonObject Body { get; init; }

    public required IQueryCollection Query { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>The authenticated token; null on login and health routes.</summary>
    public VaultToken? Token { get; set; }

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
