namespace Recommender.Provisioning;

/// <summary>A kubeconfig document (YAML) and when its credentials expire. Holds a client credential: never log it.</summary>
public sealed record ClusterKubeconfig(string Config, DateTimeOffset? ExpiresAt)
{
    /// <summary>Never prints the credentials.</summary>
    public override string ToString() => $"ClusterKubeconfig {{ ExpiresAt = {ExpiresAt}, Config = ({Config.Length} characters) }}";
}
