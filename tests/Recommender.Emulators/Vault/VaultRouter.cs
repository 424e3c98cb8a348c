using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>
/// Vault's request pipeline after the transport: verb → operation (405), PATCH content type (415), JSON body (400), sealed (503),
/// namespace (404), login routes, token (403), ACL (403), mount (404), backend.
/// </summary>
internal sealed class VaultRouter(VaultNamespaces namespaces, TokenStore tokens, VaultServerState state)
{
    private const string MergePatchType = "application/merge-patch+json";
    private readonly TokenBackend tokenBackend = new(tokens);

    public VaultAnswer Route(VaultHttpRequest http)
    {
        if (http.Path is "sys/health")
        {
            return http.Method is "GET" or "HEAD" ? VaultHealth.Health(state, http.Query, http.Now) : throw new VaultError(405);
        }

        if (http.Path is "sys/seal-status")
        {
            return http.Method is "GET" ? VaultHealth.SealStatus(state) : throw new VaultError(405);
        }

        var operation = Operation(http);
        if (operation == VaultOperation.Patch && !IsMergePatch(http.ContentType))
        {
            throw new VaultError(415, $"PATCH requires Content-Type of {MergePatchType}, provided {http.ContentType}");
        }

        var body = operation is VaultOperation.Write or VaultOperation.Patch ? ParseBody(http.Body) : [];
        if (state.IsSealed)
        {
            throw new VaultError(503, "Vault is sealed");
        }

        var (ns, path) = namespaces.TryResolve(http.NamespaceHeader, http.Path);
        if (ns is null)
        {
            throw new VaultError(404, "namespace not found");
        }

        if (operation == VaultOperation.List && !path.EndsWith('/'))
        {
            path += "/";
        }

        var request = new VaultRequest
        {
            Operation = operation, Path = path, Namespace = ns, Body = body, Query = http.Query, Now = http.Now,
        };
        if (ns.Login(path) is { } appRole)
        {
            return operation == VaultOperation.Write ? appRole.Login(request) : throw VaultError.Unsupported();
        }

        var token = tokens.Authenticate(http.Token, http.Now);
        if (!ns.Path.StartsWith(token.Namespace, StringComparison.Ordinal))
        {
            throw VaultError.PermissionDenied();
        }

        var (backend, subPath) = ns.Find(path, tokenBackend);
        var capability = backend is null ? VaultPolicy.Default(operation) : backend.Capability(request, subPath);
        if (capability is not null && !VaultPolicy.Allows(token.Rules, ns.Path[token.Namespace.Length..] + path, capability))
        {
            throw VaultError.PermissionDenied();
        }

        tokens.Use(token);
        request.Token = token;
        return backend is null ? throw VaultError.NoRoute(path) : backend.Handle(request, subPath);
    }

    /// <summary>§1: PUT ≡ POST; LIST verb or GET with a Go-bool <c>list</c> (400, empty errors, when unparsable); else 405.</summary>
    private static VaultOperation Operation(VaultHttpRequest http)
    {
        switch (http.Method)
        {
            case "GET":
                if (http.Query.TryGetValue("list", out var list) && list.ToString().Length > 0)
                {
                    return GoBool.TryParse(list.ToString(), out var isList)
                        ? (isList ? VaultOperation.List : VaultOperation.Read)
                        : throw new VaultError(400);
                }

                return VaultOperation.Read;
            case "POST" or "PUT":
                return VaultOperation.Write;
            case "DELETE":
                return VaultOperation.Delete;
            case "LIST":
                return VaultOperation.List;
            case "PATCH":
                return VaultOperation.Patch;
            default:
                throw new VaultError(405);
        }
    }

    private static bool IsMergePatch(string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
        return string.Equals(mediaType, MergePatchType, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An empty body is an empty object; anything but a JSON object is 400, like Vault's <c>parseJSONRequest</c>.</summary>
    private static JsonObject ParseBody(byte[] body)
    {
        if (body.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return [];
        }

        try
        {
            var node = JsonNode.Parse(body) as JsonObject
                ?? throw VaultError.BadRequest("failed to parse JSON input: the body is not a JSON object");
            _ = node.Count; // materializes the members, so duplicate names fail here
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw VaultError.BadRequest($"failed to parse JSON input: {e.Message}");
        }
    }
}
