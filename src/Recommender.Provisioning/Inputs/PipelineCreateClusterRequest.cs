namespace Recommender.Provisioning.Inputs;

/// <summary>
/// The seed's Pipeline create-cluster body for ACK (<c>{name, location, secretId, properties: {acsk: …}}</c>), accepted
/// as another form of <see cref="CreateClusterInput"/>; <see cref="PipelineRequests.ToInput"/> maps it.
/// </summary>
public sealed record PipelineCreateClusterRequest
{
    public string? Name { get; init; }

    /// <summary>Pipeline's region; <c>properties.acsk.regionId</c> wins when both are given.</summary>
    public string? Location { get; init; }

    public string? SecretId { get; init; }

    public PipelineClusterProperties? Properties { get; init; }
}
