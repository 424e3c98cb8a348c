namespace Recommender.Alibaba.Cs;

/// <summary>DescribeClusterUserKubeconfig: the kubeconfig YAML and when its credentials expire.</summary>
public sealed record CsKubeconfig
{
    /// <summary>The kubeconfig document (YAML) as one string. Holds a client certificate: never log it.</summary>
    public string Config { get; init; } = string.Empty;

    public DateTimeOffset? Expiration { get; init; }

    /// <summary>Never print the credentials.</summary>
    public override string ToString() => $"CsKubeconfig {{ Expiration = {Expiration}, Config = ({Config.Length} characters) }}";
}
