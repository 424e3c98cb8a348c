namespace Recommender.Provisioning.Plans;

/// <summary>What applying a layout does to one node pool. Stored by name in step outputs, so never rename a member.</summary>
public enum NodePoolChangeKind
{
    /// <summary>Already as the layout wants it.</summary>
    Unchanged,

    /// <summary>The layout names a pool the cluster lacks: CreateClusterNodePool.</summary>
    Create,

    /// <summary>Same pool, another node count: ModifyClusterNodePool <c>desired_size</c>.</summary>
    Scale,

    /// <summary>The cluster has a pool the layout does not name, and deleting was asked for.</summary>
    Delete,
}
