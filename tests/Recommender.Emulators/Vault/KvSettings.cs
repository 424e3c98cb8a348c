namespace Recommender.Emulators.Vault;

/// <summary>
/// The settings shared by the engine config and a key's metadata: <c>max_versions</c>, <c>cas_required</c>,
/// <c>delete_version_after</c>.
/// </summary>
internal sealed class KvSettings
{
    public int MaxVersions { get; set; }

    public bool CasRequired { get; set; }

    public TimeSpan DeleteVersionAfter { get; set; }

    public KvSettings Copy() => new() { MaxVersions = MaxVersions, CasRequired = CasRequired, DeleteVersionAfter = DeleteVersionAfter };

    public void CopyFrom(KvSettings other)
    {
        MaxVersions = other.MaxVersions;
        CasRequired = other.CasRequired;
        DeleteVersionAfter = other.DeleteVersionAfter;
    }
}
