namespace Recommender.Provisioning.Execution;

/// <summary>
/// The steps an operation is made of, by name (stored in <see cref="Operations.OperationStep.Name"/>, so never rename
/// one). Steps named <c>RollBack…</c> undo the forward ones and only run while the operation is rolling back.
/// </summary>
public static class StepNames
{
    /// <summary>The organisation's secret exists and is an ALIBABA secret (its values are never read here).</summary>
    public const string ReadCredentials = "ReadCredentials";

    public const string CreateCluster = "CreateCluster";

    /// <summary>The create task succeeds and the cluster is <c>running</c>.</summary>
    public const string WaitForCluster = "WaitForCluster";

    public const string CreateNodePool = "CreateClusterNodePool";

    /// <summary>The pool's task succeeds and the pool is <c>active</c>.</summary>
    public const string WaitForNodePool = "WaitForNodePool";

    /// <summary>ApplyLayout: reads the cluster's pools and appends the steps of the plan.</summary>
    public const string PlanLayout = "PlanLayout";

    /// <summary>ModifyClusterNodePool with the layout's desired size.</summary>
    public const string ScaleNodePool = "ScaleNodePool";

    public const string DeleteNodePool = "DeleteClusterNodePool";

    public const string WaitForNodePoolDeleted = "WaitForNodePoolDeleted";

    public const string DeleteCluster = "DeleteCluster";

    public const string WaitForClusterDeleted = "WaitForClusterDeleted";

    /// <summary>Prefix of the steps that undo what an operation created or scaled.</summary>
    public const string RollBackPrefix = "RollBack";

    public const string RollBackDeleteCluster = RollBackPrefix + DeleteCluster;

    public const string RollBackWaitForClusterDeleted = RollBackPrefix + WaitForClusterDeleted;

    public const string RollBackDeleteNodePool = RollBackPrefix + DeleteNodePool;

    public const string RollBackWaitForNodePoolDeleted = RollBackPrefix + WaitForNodePoolDeleted;

    /// <summary>ModifyClusterNodePool back to the size the pool had before the operation scaled it.</summary>
    public const string RollBackScaleNodePool = RollBackPrefix + ScaleNodePool;

    public const string RollBackWaitForNodePool = RollBackPrefix + WaitForNodePool;

    public static bool IsRollBack(string name) => name.StartsWith(RollBackPrefix, StringComparison.Ordinal);
}
