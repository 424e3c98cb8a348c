namespace Recommender.Emulators.Vault;

/// <summary>
/// A token to create with <see cref="VaultEmulator.CreateToken"/>. <paramref name="Ttl"/> null means non-expiring;
/// <paramref name="MaxTtl"/> null means the system maximum (768h) caps renewals; <paramref name="Policies"/> null means every
/// capability everywhere; <paramref name="NumUses"/> 0 means unlimited; <paramref name="Namespace"/> null is the root namespace.
/// </summary>
public sealed record VaultTokenSpec(
    TimeSpan? Ttl = null,
    TimeSpan? MaxTtl = null,
    bool Renewable = true,
    int NumUses = 0,
    VaultTokenType Type = VaultTokenType.Service,
    IReadOnlyList<VaultPolicyRule>? Policies = null,
    string? Namespace = null);
