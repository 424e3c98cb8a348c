using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>
/// <c>auth/token/*</c> (contract §5): <c>lookup-self</c>, <c>renew-self</c>, <c>revoke-self</c> (allowed to every valid token,
/// like Vault's default policy), and <c>create</c>, <c>renew</c>, <c>revoke</c> (ACL-checked; a child inherits its parent's rules).
/// </summary>
internal sealed class TokenBackend(TokenStore store) : IVaultBackend
{
    public string MountType => "token";

    public string? Capability(VaultRequest request, string subPath) =>
        subPath is "lookup-self" or "renew-self" or "revoke-self" ? null : VaultPolicy.Default(request.Operation);

    public VaultAnswer Handle(VaultRequest request, string subPath)
    {
        var token = request.Token!;
        return (subPath, request.Operation) switch
        {
            ("lookup-self", VaultOperation.Read or VaultOperation.Write) => VaultAnswer.Ok(store.Lookup(token, request.Now), MountType),
            ("renew-self", VaultOperation.Write) => store.Renew(token, request.Body, request.Now),
            ("revoke-self", VaultOperation.Write) => Revoke(token.Id),
            ("renew", VaultOperation.Write) => store.Renew(Target(request), request.Body, request.Now),
            ("revoke", VaultOperation.Write) => Revoke(Target(request).Id),
            ("create" or "create-orphan", VaultOperation.Write) => Create(request, token, orphan: subPath == "create-orphan"),
            ("lookup-self" or "renew-self" or "revoke-self" or "renew" or "revoke" or "create" or "create-orphan", _) =>
                throw VaultError.Unsupported(),
            _ => throw new VaultError(404, "unsupported path"),
        };
    }

    private VaultAnswer Revoke(string id)
    {
        store.Revoke(id);
        return VaultAnswer.NoContent;
    }

    private VaultToken Target(VaultRequest request)
    {
        var id = request.Body["token"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (string.IsNullOrEmpty(id))
        {
            throw VaultError.BadRequest("missing token");
        }

        return store.Find(id) ?? throw VaultError.BadRequest("token not found");
    }

    /// <summary><c>auth/token/create</c>: <c>ttl</c>, <c>explicit_max_ttl</c>, <c>renewable</c>, <c>num_uses</c>, <c>type</c>.</summary>
    private VaultAnswer Create(VaultRequest request, VaultToken parent, bool orphan)
    {
        var body = request.Body;
        var spec = new VaultTokenSpec(
            Ttl: Duration(body, "ttl"),
            MaxTtl: Duration(body, "explicit_max_ttl"),
            Renewable: body["renewable"] is not { } renewable
                || (KvParams.TryBool(renewable, out var flag) ? flag : throw Invalid(renewable, "renewable")),
            NumUses: body["num_uses"] is { } uses && KvParams.TryInt(uses, out var count) ? (int)count : 0,
            Type: body["type"]?.ToJsonString() == "\"batch\"" ? VaultTokenType.Batch : VaultTokenType.Service,
            Policies: parent.Rules);
        var child = store.Issue(spec, request.Namespace.Path, "auth/token/create", "token", orphan: orphan);
        var lease = child.ExpiresAt is { } at ? (long)(at - request.Now).TotalSeconds : 0;
        return new VaultAnswer(200, VaultJson.Envelope(null, MountType, auth: child.Auth(lease)));
    }

    private static TimeSpan? Duration(JsonObject body, string name)
    {
        if (body[name] is not { } raw)
        {
            return null;
        }

        return KvParams.TryDuration(raw, out var value) ? value : throw Invalid(raw, name);
    }

    private static VaultError Invalid(JsonNode raw, string name) =>
        VaultError.BadRequest($"error converting input {raw.ToJsonString()} for field \"{name}\"");
}
