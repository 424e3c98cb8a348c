namespace Recommender.Emulators.Vault;

/// <summary>Service tokens (<c>hvs.</c>) are stored, renewable and revocable; batch tokens (<c>hvb.</c>) are neither renewable nor listed.</summary>
public enum VaultTokenType
{
    Service,
    Batch,
}
