namespace Recommender.Emulators.Vault;

/// <summary>Seal and HA state, switched by tests while requests run.</summary>
internal sealed class VaultServerState
{
    public const string Version = "1.15.6";

    public const string ClusterName = "vault-cluster-emulator";

    private volatile bool isSealed;
    private volatile bool isStandby;

    public string ClusterId { get; } = Guid.NewGuid().ToString("D");

    public bool IsSealed
    {
        get => isSealed;
        set => isSealed = value;
    }

    public bool IsStandby
    {
        get => isStandby;
        set => isStandby = value;
    }
}
