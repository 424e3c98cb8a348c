namespace Recommender.Alibaba.Cs;

/// <summary><c>status</c> of a node pool in answers; <see cref="State"/> is one of the constants.</summary>
public sealed record NodePoolStatus
{
    public const string Initial = "initial";
    public const string Active = "active";
    public const string Scaling = "scaling";
    public const string Removing = "removing";
    public const string Deleting = "deleting";
    public const string Updating = "updating";

    public string? State { get; init; }

    public int TotalNodes { get; init; }

    public int HealthyNodes { get; init; }

    public int ServingNodes { get; init; }

    public int InitialNodes { get; init; }

    public int FailedNodes { get; init; }

    public int OfflineNodes { get; init; }

    public int RemovingNodes { get; init; }
}
