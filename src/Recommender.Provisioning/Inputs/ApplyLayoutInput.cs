namespace Recommender.Provisioning.Inputs;

/// <summary>
/// What an ApplyLayout operation does to an existing cluster of the organisation: scale pools named in
/// <see cref="Layout"/> to their counts and create the missing ones. Pools the layout does not name are left alone
/// unless <see cref="DeleteUnlistedPools"/>.
/// </summary>
public sealed record ApplyLayoutInput
{
    public required string ClusterId { get; init; }

    /// <summary>The cluster's region (from the operation that created it).</summary>
    public required string Region { get; init; }

    /// <summary>The organisation's ALIBABA secret the steps sign with.</summary>
    public required string SecretId { get; init; }

    public required LayoutSpec Layout { get; init; }

    /// <summary>Also delete the cluster's pools that the layout does not name. Off unless asked.</summary>
    public bool DeleteUnlistedPools { get; init; }
}
