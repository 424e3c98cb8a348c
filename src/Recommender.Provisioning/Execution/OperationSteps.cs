using System.Text.Json.Nodes;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Plans;

namespace Recommender.Provisioning.Execution;

/// <summary>The steps each kind of operation starts with, and those a plan or a rollback adds.</summary>
public static class OperationSteps
{
    private const string DesiredSize = "desiredSize";

    /// <summary>Read credentials, create the cluster, wait for it, create every pool, then wait for every pool (ACK builds them in parallel).</summary>
    public static IReadOnlyList<OperationStep> ForCreate(CreateClusterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return
        [
            Step(StepNames.ReadCredentials),
            Step(StepNames.CreateCluster),
            Step(StepNames.WaitForCluster),
            .. input.Layout.Pools.Select(p => Step(StepNames.CreateNodePool, p.Name)),
            .. input.Layout.Pools.Select(p => Step(StepNames.WaitForNodePool, p.Name)),
        ];
    }

    /// <summary>Read credentials and plan; the plan step appends the changes (<see cref="ForPlan"/>).</summary>
    public static IReadOnlyList<OperationStep> ForApplyLayout(ApplyLayoutInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [Step(StepNames.ReadCredentials, clusterId: input.ClusterId), Step(StepNames.PlanLayout, clusterId: input.ClusterId)];
    }

    public static IReadOnlyList<OperationStep> ForDelete(DeleteClusterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return
        [
            Step(StepNames.ReadCredentials, clusterId: input.ClusterId),
            Step(StepNames.DeleteCluster, clusterId: input.ClusterId),
            Step(StepNames.WaitForClusterDeleted, clusterId: input.ClusterId),
        ];
    }

    /// <summary>The change steps of <paramref name="plan"/>: creates, scales and deletes first, then the waits.</summary>
    public static IReadOnlyList<OperationStep> ForPlan(LayoutPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var changes = new List<OperationStep>();
        var waits = new List<OperationStep>();
        foreach (var change in plan.Changes)
        {
            switch (change.Kind)
            {
                case NodePoolChangeKind.Create:
                    changes.Add(Step(StepNames.CreateNodePool, change.Name, plan.ClusterId));
                    waits.Add(Step(StepNames.WaitForNodePool, change.Name, plan.ClusterId));
                    break;
                case NodePoolChangeKind.Scale:
                    changes.Add(Step(StepNames.ScaleNodePool, change.Name, plan.ClusterId, change.NodePoolId));
                    waits.Add(Step(StepNames.WaitForNodePool, change.Name, plan.ClusterId, change.NodePoolId));
                    break;
                case NodePoolChangeKind.Delete:
                    changes.Add(Step(StepNames.DeleteNodePool, change.Name, plan.ClusterId, change.NodePoolId));
                    waits.Add(Step(StepNames.WaitForNodePoolDeleted, change.Name, plan.ClusterId, change.NodePoolId));
                    break;
                case NodePoolChangeKind.Unchanged:
                default:
                    break;
            }
        }

        return [.. changes, .. waits];
    }

    /// <summary>
    /// The steps that undo what <paramref name="operation"/> changed: the cluster of a create (deleting it takes its pools
    /// along); for an ApplyLayout, the pools it created (deleted) and the pools it scaled (set back to the size its plan
    /// found them at). Pools an ApplyLayout deleted cannot come back. Empty when nothing could have been changed.
    /// </summary>
    public static IReadOnlyList<OperationStep> ForRollBack(ProvisioningOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var forward = operation.Steps.Where(s => !StepNames.IsRollBack(s.Name)).ToList();
        if (operation.Kind == OperationKind.CreateCluster)
        {
            var create = forward.FirstOrDefault(s => s.Name == StepNames.CreateCluster);
            return create is { ClusterId: not null } or { Attempts: > 0 }
                ? [Step(StepNames.RollBackDeleteCluster, clusterId: create.ClusterId), Step(StepNames.RollBackWaitForClusterDeleted, clusterId: create.ClusterId)]
                : [];
        }

        var created = forward.Where(s => s.Name == StepNames.CreateNodePool && (s.NodePoolId is not null || s.Attempts > 0)).ToList();
        // A scale that was started may have reached ACK; setting a pool to the size it had is harmless if it did not.
        var scaled = forward.Where(s => s.Name == StepNames.ScaleNodePool && s.Attempts > 0).ToList();
        var sizeBefore = scaled.Count > 0 ? SizesBefore(forward) : [];
        return
        [
            .. created.Select(s => Step(StepNames.RollBackDeleteNodePool, s.NodePool, s.ClusterId, s.NodePoolId)),
            .. scaled.Select(s => Step(StepNames.RollBackScaleNodePool, s.NodePool, s.ClusterId, s.NodePoolId) with
            {
                Output = new JsonObject { [DesiredSize] = sizeBefore[s.NodePool!] }.ToJsonString(),
            }),
            .. created.Select(s => Step(StepNames.RollBackWaitForNodePoolDeleted, s.NodePool, s.ClusterId, s.NodePoolId)),
            .. scaled.Select(s => Step(StepNames.RollBackWaitForNodePool, s.NodePool, s.ClusterId, s.NodePoolId)),
        ];
    }

    /// <summary>The pool size a <see cref="StepNames.RollBackScaleNodePool"/> step sets, from its output.</summary>
    public static int DesiredSizeOf(OperationStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return JsonNode.Parse(step.Output ?? "{}")?[DesiredSize]?.GetValue<int>()
            ?? throw new InvalidOperationException($"{step.Name} {step.NodePool} has no {DesiredSize} in its output.");
    }

    /// <summary>Each pool's node count before the operation, as its plan (the PlanLayout step's output) found it.</summary>
    private static Dictionary<string, int> SizesBefore(IReadOnlyList<OperationStep> forward)
    {
        var planned = forward.FirstOrDefault(s => s.Name == StepNames.PlanLayout)?.Output
            ?? throw new InvalidOperationException("An ApplyLayout scaled a pool without a plan.");
        return ProvisioningJson.Read<LayoutPlan>(planned).Changes.ToDictionary(c => c.Name, c => c.FromCount, StringComparer.Ordinal);
    }

    private static OperationStep Step(string name, string? pool = null, string? clusterId = null, string? nodePoolId = null) =>
        new() { Name = name, NodePool = pool, ClusterId = clusterId, NodePoolId = nodePoolId };
}
