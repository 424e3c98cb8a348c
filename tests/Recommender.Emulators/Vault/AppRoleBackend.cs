using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>An AppRole auth mount (contract §6): <c>POST auth/{mount}/login</c> with role_id and secret_id, no token needed.</summary>
internal sealed class AppRoleBackend(string mount, TokenStore tokens, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, AppRole> roles = new(StringComparer.Ordinal);

    public string Mount { get; } = mount;

    public VaultAppRoleCredentials AddRole(string name, VaultAppRoleSpec spec)
    {
        var role = new AppRole(name, Guid.NewGuid().ToString("D"), spec);
        lock (gate)
        {
            roles[name] = role;
        }

        var secretId = AddSecretId(name, spec.SecretIdNumUses, spec.SecretIdTtl);
        return new VaultAppRoleCredentials(role.RoleId, secretId);
    }

    public bool HasRole(string name)
    {
        lock (gate)
        {
            return roles.ContainsKey(name);
        }
    }

    public string AddSecretId(string roleName, int numUses, TimeSpan? ttl)
    {
        var secretId = Guid.NewGuid().ToString("D");
        lock (gate)
        {
            var role = roles.GetValueOrDefault(roleName) ?? throw new ArgumentException($"No AppRole role '{roleName}'.", nameof(roleName));
            role.SecretIds[secretId] = (numUses, ttl is { } t ? time.GetUtcNow() + t : null);
        }

        return secretId;
    }

    /// <summary>Checks the credentials (exact 400 messages of §6), spends one secret_id use and issues a service token.</summary>
    public VaultAnswer Login(VaultRequest request)
    {
        var roleId = Text(request.Body, "role_id");
        if (string.IsNullOrEmpty(roleId))
        {
            throw VaultError.BadRequest("missing role_id");
        }

        AppRole role;
        lock (gate)
        {
            role = roles.Values.FirstOrDefault(r => r.RoleId == roleId) ?? throw VaultError.BadRequest("invalid role or secret ID");
            if (role.Spec.BindSecretId)
            {
                SpendSecretId(role, Text(request.Body, "secret_id"), request.Now);
            }
        }

        var spec = new VaultTokenSpec(role.Spec.TokenTtl, role.Spec.TokenMaxTtl, Renewable: true, Policies: role.Spec.Policies);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal) { ["role_name"] = role.Name };
        var token = tokens.Issue(spec, request.Namespace.Path, $"auth/{Mount}/login", Mount, meta, orphan: true);
        return new VaultAnswer(200, VaultJson.Envelope(null, "approle", auth: token.Auth((long)token.CreationTtl.TotalSeconds)));
    }

    private static void SpendSecretId(AppRole role, string? secretId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secretId))
        {
            throw VaultError.BadRequest("missing secret_id");
        }

        if (!role.SecretIds.TryGetValue(secretId, out var entry))
        {
            throw VaultError.BadRequest("invalid role or secret ID");
        }

        if (entry.ExpiresAt is { } expiry && expiry <= now)
        {
            role.SecretIds.Remove(secretId);
            throw VaultError.BadRequest("invalid role or secret ID");
        }

        if (entry.UsesLeft == 1)
        {
            role.SecretIds.Remove(secretId);
        }
        else if (entry.UsesLeft > 1)
        {
            role.SecretIds[secretId] = (entry.UsesLeft - 1, entry.ExpiresAt);
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
