namespace Recommender.Emulators.Vault;

/// <summary>Service tokens (<c>hvs.</c>) are renewable and have accessors; batch tokens (<c>hvb.</c>) have neither.</summary>
public enum VaultTokenType
{
    Service,
    Batch,
}
