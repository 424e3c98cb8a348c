namespace Recommender.Emulators.Vault;

/// <summary>
/// An AppRole role: the tokens it issues (TTL, max TTL, policies) and its first secret_id (<paramref name="SecretIdNumUses"/> 0 =
/// unlimited, <paramref name="SecretIdTtl"/> null = never expires). With <paramref name="BindSecretId"/> false the role_id alone logs in.
/// </summary>
public sealed record VaultAppRoleSpec(
    TimeSpan TokenTtl,
    TimeSpan TokenMaxTtl,
    IReadOnlyList<VaultPolicyRule>? Policies = null,
    bool BindSecretId = true,
    string? Namespace = null,
    int SecretIdNumUses = 0,
    TimeSpan? SecretIdTtl = null);
