using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>A token's state. Mutable (TTL, uses, revocation); guarded by the <see cref="TokenStore"/> lock.</summary>
internal sealed class VaultToken
{
    public required string Id { get; init; }

    public required string Accessor { get; init; }

    /// <summary><c>""</c> for the root namespace, else <c>team1/</c>.</summary>
    public required string Namespace { get; init; }

    public required VaultTokenType Type { get; init; }

    /// <summary>Null means every capability everywhere (the <c>root</c> policy).</summary>
    public IReadOnlyList<VaultPolicyRule>? Rules { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>The TTL given at creation; zero for a non-expiring token.</summary>
    public TimeSpan CreationTtl { get; init; }

    /// <summary>Zero when none was set (renewals are then capped by the system maximum).</summary>
    public TimeSpan ExplicitMaxTtl { get; init; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public bool Renewable { get; init; }

    /// <summary>Uses left; 0 = unlimited.</summary>
    public int NumUses { get; set; }

    public required string Path { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public bool Orphan { get; init; }

    public bool Revoked { get; set; }

    public DateTimeOffset? LastRenewal { get; set; }

    public IReadOnlyList<string> PolicyNames => Rules is null ? ["root"] : ["default", "emulator"];

    public string TypeName => Type == VaultTokenType.Batch ? "batch" : "service";

    public bool IsValid(DateTimeOffset now) => !Revoked && (ExpiresAt is not { } at || at > now);

    public long TtlSeconds(DateTimeOffset now) => ExpiresAt is { } at ? Math.Max(0, (long)(at - now).TotalSeconds) : 0;

    /// <summary>The <c>auth</c> object of a login or renew answer (contract §5.2, §6).</summary>
    public JsonObject Auth(long leaseSeconds) => new()
    {
        ["client_token"] = Id,
        ["accessor"] = Accessor,
        ["policies"] = VaultJson.Strings(PolicyNames),
        ["token_policies"] = VaultJson.Strings(PolicyNames),
        ["metadata"] = VaultJson.StringMap(Meta),
        ["lease_duration"] = leaseSeconds,
        ["renewable"] = Renewable && Type == VaultTokenType.Service,
        ["entity_id"] = string.Empty,
        ["token_type"] = TypeName,
        ["orphan"] = Orphan,
        ["mfa_requirement"] = null,
        ["num_uses"] = NumUses,
    };

    /// <summary>The <c>data</c> of <c>lookup-self</c> (contract §5.1).</summary>
    public JsonObject Lookup(DateTimeOffset now)
    {
        var data = new JsonObject
        {
            ["accessor"] = Accessor,
            ["creation_time"] = Created.ToUnixTimeSeconds(),
            ["creation_ttl"] = (long)CreationTtl.TotalSeconds,
            ["display_name"] = DisplayName,
            ["entity_id"] = string.Empty,
            ["expire_time"] = ExpiresAt is { } at ? VaultTime.Format(at) : null,
            ["explicit_max_ttl"] = (long)ExplicitMaxTtl.TotalSeconds,
            ["id"] = Id,
            ["issue_time"] = VaultTime.Format(Created),
            ["meta"] = VaultJson.StringMap(Meta),
            ["num_uses"] = NumUses,
            ["orphan"] = Orphan,
            ["path"] = Path,
            ["policies"] = VaultJson.Strings(PolicyNames),
            ["renewable"] = Renewable && Type == VaultTokenType.Service,
            ["ttl"] = TtlSeconds(now),
            ["type"] = TypeName,
        };
        if (Namespace.Length > 0)
        {
            data["namespace_path"] = Namespace;
        }

        if (LastRenewal is { } renewed)
        {
            data["last_renewal_time"] = renewed.ToUnixTimeSeconds();
            data["last_renewal"] = VaultTime.Format(renewed);
        }

        return data;
    }
}
