namespace Recommender.Provisioning.Operations;

/// <summary>What a provisioning operation does; stored by name, so never rename a member.</summary>
public enum OperationKind
{
    /// <summary>Create an ACK cluster and its node pools.</summary>
    CreateCluster,

    /// <summary>Bring an existing cluster's node pools to a recommended layout.</summary>
    ApplyLayout,

    /// <summary>Delete a cluster.</summary>
    DeleteCluster,
}
