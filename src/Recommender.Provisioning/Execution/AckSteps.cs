using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Recommender.Alibaba.Cs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Plans;
using Recommender.Provisioning.Preflight;
using Recommender.Secrets;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// What each step does against ACK. A step that creates something saves the new id before it returns, and on any
/// attempt after the first looks for what an earlier attempt may have created (cluster by name and operation tag, pool by
/// name) before creating again: a create whose answer was lost is adopted, never repeated. Deletes and scales are
/// idempotent by nature (a pool set to N twice has N nodes; a cluster already deleting or gone is done).
/// </summary>
internal sealed class AckSteps(CsClient cs, ISecretStore secrets, ICatalog catalog, StepPoller poller, IOptions<ProvisioningOptions> options)
{
    private readonly ProvisioningOptions settings = options.Value;

    /// <summary>Runs the step at <paramref name="index"/>; returns how it ended (succeeded or skipped), throws how it failed.</summary>
    public Task<OperationStepState> RunAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct) => run.Step(index).Name switch
    {
        StepNames.ReadCredentials => ReadCredentialsAsync(target, ct),
        StepNames.CreateCluster => CreateClusterAsync(run, target, index, ct),
        StepNames.WaitForCluster => WaitForClusterAsync(run, target, index, ct),
        StepNames.CreateNodePool => CreateNodePoolAsync(run, target, index, ct),
        StepNames.WaitForNodePool or StepNames.RollBackWaitForNodePool => WaitForNodePoolAsync(run, target, index, ct),
        StepNames.PlanLayout => PlanLayoutAsync(run, target, index, ct),
        StepNames.ScaleNodePool or StepNames.RollBackScaleNodePool => ScaleNodePoolAsync(run, target, index, ct),
        StepNames.DeleteNodePool or StepNames.RollBackDeleteNodePool => DeleteNodePoolAsync(run, target, index, ct),
        StepNames.WaitForNodePoolDeleted or StepNames.RollBackWaitForNodePoolDeleted => WaitForNodePoolDeletedAsync(run, target, index, ct),
        StepNames.DeleteCluster or StepNames.RollBackDeleteCluster => DeleteClusterAsync(run, target, index, ct),
        StepNames.WaitForClusterDeleted or StepNames.RollBackWaitForClusterDeleted => WaitForClusterDeletedAsync(run, target, index, ct),
        var other => throw new InvalidOperationException($"Unknown step '{other}'."),
    };

    /// <summary>The secret is still there and an ALIBABA one; the values stay with the signer.</summary>
    private async Task<OperationStepState> ReadCredentialsAsync(OperationTarget target, CancellationToken ct)
    {
        var secret = await secrets.GetAsync(target.Operation.Organization, target.SecretId, ct).ConfigureAwait(false);
        return secret is { Type: SecretType.Alibaba } ? OperationStepState.Succeeded : throw new NotFoundException("secret", target.SecretId);
    }

    private async Task<OperationStepState> CreateClusterAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var input = target.Create!;
        var step = run.Step(index);
        if (step.ClusterId is null && step.Attempts > 1)
        {
            // An earlier attempt may have reached ACK before its answer was lost or saved: find it by name and tag.
            var found = await cs.FindClustersByNameAsync(target.Region, input.Cluster.Name, target.Account, ct).ConfigureAwait(false);
            var ours = found.Where(c => AckRequests.IsCreatedBy(c, run.Operation.Id)).OrderBy(c => c.State == CsCluster.Deleting ? 1 : 0).FirstOrDefault();
            if (ours is not null)
            {
                await run.UpdateStepAsync(index, s => s with { ClusterId = ours.ClusterId, Output = Output("adopted", true) }, ct).ConfigureAwait(false);
                return OperationStepState.Succeeded;
            }
        }

        if (step.ClusterId is null)
        {
            var request = AckRequests.Cluster(input, run.Operation.Id, run.Operation.Organization);
            await run.ConfirmLeaseAsync(ct).ConfigureAwait(false);
            var answer = await cs.CreateClusterAsync(target.Region, request, target.Account, ct).ConfigureAwait(false);
            var clusterId = answer.ClusterId ?? throw new CloudApiException(AlibabaErrorCodes.ClientMalformedResponse, "CreateCluster answered without a cluster_id.", answer.RequestId, isTransient: true);
            await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, TaskId = answer.TaskId, Output = Output("requestId", answer.RequestId) }, ct)
                .ConfigureAwait(false);
        }

        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> WaitForClusterAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var create = run.Operation.Steps.First(s => s.Name == StepNames.CreateCluster);
        var clusterId = create.ClusterId ?? throw new InvalidOperationException("WaitForCluster before the cluster has an id.");
        await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, TaskId = create.TaskId }, ct).ConfigureAwait(false);
        if (create.TaskId is { } taskId && run.Step(index).Attempts == 1)
        {
            await WaitForTaskAsync(target, taskId, settings.ClusterPollInterval, ct).ConfigureAwait(false);
        }

        await poller.UntilAsync($"Cluster {clusterId} running", settings.ClusterPollInterval, async token =>
        {
            var cluster = await cs.DescribeClusterDetailAsync(target.Region, clusterId, target.Account, token).ConfigureAwait(false);
            return cluster.State switch
            {
                CsCluster.Running => true,
                CsCluster.Failed or CsCluster.Deleting or CsCluster.Deleted or CsCluster.DeleteFailed =>
                    throw new CloudApiException("Cluster.Failed", $"Cluster {clusterId} is {cluster.State}, not running."),
                _ => false,
            };
        }, ct).ConfigureAwait(false);
        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> CreateNodePoolAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var step = run.Step(index);
        var clusterId = RequireCluster(run, target);
        if (step.NodePoolId is null && step.Attempts > 1)
        {
            var existing = await FindPoolAsync(target, clusterId, step.NodePool, ct).ConfigureAwait(false);
            if (existing?.Id is { } adopted)
            {
                await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, NodePoolId = adopted, Output = Output("adopted", true) }, ct).ConfigureAwait(false);
                return OperationStepState.Succeeded;
            }
        }

        if (step.NodePoolId is null)
        {
            var pool = target.Pool(step.NodePool);
            var vswitches = await VswitchesAsync(target, clusterId, pool, ct).ConfigureAwait(false);
            var body = AckRequests.Pool(pool, vswitches, target.Create?.Cluster, run.Operation.Id);
            await run.ConfirmLeaseAsync(ct).ConfigureAwait(false);
            var answer = await cs.CreateNodePoolAsync(target.Region, clusterId, body, target.Account, ct).ConfigureAwait(false);
            var poolId = answer.NodepoolId ?? throw new CloudApiException(AlibabaErrorCodes.ClientMalformedResponse, "CreateClusterNodePool answered without a nodepool_id.", answer.RequestId, isTransient: true);
            await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, NodePoolId = poolId, TaskId = answer.TaskId, Output = Output("requestId", answer.RequestId) }, ct)
                .ConfigureAwait(false);
        }

        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> WaitForNodePoolAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var step = run.Step(index);
        var clusterId = RequireCluster(run, target);
        // The step whose task this wait follows: the pool's create or scale, or while rolling back its scale back.
        var change = StepNames.IsRollBack(step.Name)
            ? run.Operation.Steps.FirstOrDefault(s => s.Name == StepNames.RollBackScaleNodePool && s.NodePool == step.NodePool)
            : run.Operation.Steps.FirstOrDefault(s => s.Name is StepNames.CreateNodePool or StepNames.ScaleNodePool && s.NodePool == step.NodePool);
        var poolId = change?.NodePoolId ?? step.NodePoolId ?? throw new InvalidOperationException($"WaitForNodePool {step.NodePool} before the pool has an id.");
        await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, NodePoolId = poolId, TaskId = change?.TaskId }, ct).ConfigureAwait(false);
        if (change?.TaskId is { } taskId && run.Step(index).Attempts == 1)
        {
            await WaitForTaskAsync(target, taskId, settings.NodePoolPollInterval, ct).ConfigureAwait(false);
        }

        await poller.UntilAsync($"Node pool {poolId} active", settings.NodePoolPollInterval, async token =>
        {
            var pool = await cs.DescribeNodePoolDetailAsync(target.Region, clusterId, poolId, target.Account, token).ConfigureAwait(false);
            if (pool.Status is { FailedNodes: > 0 } status && status.State == NodePoolStatus.Active)
            {
                // Waiting longer will not mend them (a retried wait no longer sees the failed task): roll back, or fix and retry.
                throw new CloudApiException("NodePool.FailedNodes", $"Node pool {poolId} is active with {status.FailedNodes} failed node(s).");
            }

            return pool.Status?.State == NodePoolStatus.Active;
        }, ct).ConfigureAwait(false);
        return OperationStepState.Succeeded;
    }

    /// <summary>Reads the pools, plans, and appends the plan's steps in the same save that finishes this one.</summary>
    private async Task<OperationStepState> PlanLayoutAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var input = target.Apply!;
        var pools = await cs.DescribeNodePoolsAsync(target.Region, input.ClusterId, target.Account, ct).ConfigureAwait(false);
        var plan = LayoutPlanner.Plan(input.ClusterId, pools, input.Layout, input.DeleteUnlistedPools, CatalogPrices.Region(catalog, target.Region));
        var steps = run.Operation.Steps.ToList();
        steps[index] = steps[index] with { State = OperationStepState.Succeeded, FinishedAt = run.Now, Output = ProvisioningJson.Write(plan) };
        steps.AddRange(OperationSteps.ForPlan(plan));
        await run.SaveAsync(run.Operation with { Steps = steps }, ct).ConfigureAwait(false);
        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> ScaleNodePoolAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var step = run.Step(index);
        var size = step.Name == StepNames.RollBackScaleNodePool ? OperationSteps.DesiredSizeOf(step) : target.Pool(step.NodePool).NodeCount;
        var poolId = step.NodePoolId ?? throw new InvalidOperationException($"{step.Name} {step.NodePool} without a pool id.");
        var answer = await cs.SetDesiredSizeAsync(target.Region, RequireCluster(run, target), poolId, size, target.Account, ct).ConfigureAwait(false);
        await run.UpdateStepAsync(index, s => s with { TaskId = answer.TaskId, Output = Output("desiredSize", size) }, ct).ConfigureAwait(false);
        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> DeleteNodePoolAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var step = run.Step(index);
        var clusterId = step.ClusterId ?? RequireCluster(run, target);
        var poolId = step.NodePoolId ?? (await FindPoolAsync(target, clusterId, step.NodePool, ct).ConfigureAwait(false))?.Id;
        if (poolId is null)
        {
            return OperationStepState.Skipped; // never created, or already gone
        }

        await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, NodePoolId = poolId }, ct).ConfigureAwait(false);
        try
        {
            var answer = await cs.DeleteNodePoolAsync(target.Region, clusterId, poolId, target.Account, ct).ConfigureAwait(false);
            await run.UpdateStepAsync(index, s => s with { TaskId = answer.TaskId }, ct).ConfigureAwait(false);
        }
        catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
        {
            // Already gone.
        }
        catch (CloudApiException e) when (e.VendorCode == AlibabaErrorCodes.ClusterState)
        {
            // Refused for the pool's state: fine when an earlier attempt's delete got through, else retried later.
            if (!await IsPoolDeletingAsync(target, clusterId, poolId, ct).ConfigureAwait(false))
            {
                throw;
            }
        }

        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> WaitForNodePoolDeletedAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var step = run.Step(index);
        var delete = run.Operation.Steps.FirstOrDefault(s => s.Name is StepNames.DeleteNodePool or StepNames.RollBackDeleteNodePool && s.NodePool == step.NodePool);
        if (delete is { State: OperationStepState.Skipped } || (delete?.NodePoolId ?? step.NodePoolId) is not { } poolId)
        {
            return OperationStepState.Skipped;
        }

        var clusterId = delete?.ClusterId ?? RequireCluster(run, target);
        await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, NodePoolId = poolId }, ct).ConfigureAwait(false);
        await poller.UntilAsync($"Node pool {poolId} gone", settings.NodePoolPollInterval, async token =>
        {
            try
            {
                await cs.DescribeNodePoolDetailAsync(target.Region, clusterId, poolId, target.Account, token).ConfigureAwait(false);
                return false;
            }
            catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
            {
                return true;
            }
        }, ct).ConfigureAwait(false);
        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> DeleteClusterAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var step = run.Step(index);
        var clusterId = step.ClusterId ?? target.ClusterId(run.Operation) ?? await FindOwnClusterAsync(run, target, ct).ConfigureAwait(false);
        if (clusterId is null)
        {
            return OperationStepState.Skipped; // the create never reached ACK
        }

        await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId }, ct).ConfigureAwait(false);
        if (step.Attempts > 1)
        {
            // An earlier attempt may have been accepted: a cluster already deleting (or gone) needs no second call.
            try
            {
                var cluster = await cs.DescribeClusterDetailAsync(target.Region, clusterId, target.Account, ct).ConfigureAwait(false);
                if (cluster.State is CsCluster.Deleting or CsCluster.Deleted)
                {
                    return OperationStepState.Succeeded;
                }
            }
            catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
            {
                return OperationStepState.Succeeded;
            }
        }

        try
        {
            var answer = await cs.DeleteClusterAsync(target.Region, clusterId, target.Delete?.RetainResources == true, target.Account, ct).ConfigureAwait(false);
            await run.UpdateStepAsync(index, s => s with { TaskId = answer.TaskId, Output = Output("requestId", answer.RequestId) }, ct).ConfigureAwait(false);
        }
        catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
        {
            // Already gone.
        }

        return OperationStepState.Succeeded;
    }

    private async Task<OperationStepState> WaitForClusterDeletedAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        var delete = run.Operation.Steps.FirstOrDefault(s => s.Name is StepNames.DeleteCluster or StepNames.RollBackDeleteCluster);
        if (delete is { State: OperationStepState.Skipped } || (delete?.ClusterId ?? target.ClusterId(run.Operation)) is not { } clusterId)
        {
            return OperationStepState.Skipped;
        }

        await run.UpdateStepAsync(index, s => s with { ClusterId = clusterId, TaskId = delete?.TaskId }, ct).ConfigureAwait(false);
        await poller.UntilAsync($"Cluster {clusterId} gone", settings.ClusterPollInterval, async token =>
        {
            try
            {
                var cluster = await cs.DescribeClusterDetailAsync(target.Region, clusterId, target.Account, token).ConfigureAwait(false);
                return cluster.State == CsCluster.Deleted;
            }
            catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
            {
                return true;
            }
        }, ct).ConfigureAwait(false);
        return OperationStepState.Succeeded;
    }

    /// <summary>Polls the task until it ends; a failed task fails the step with the task's own error code (permanent).</summary>
    private Task WaitForTaskAsync(OperationTarget target, string taskId, TimeSpan interval, CancellationToken ct) =>
        poller.UntilAsync($"Task {taskId} finished", interval, async token =>
        {
            var task = await cs.DescribeTaskInfoAsync(target.Region, taskId, target.Account, token).ConfigureAwait(false);
            return task.HasFailed
                ? throw new CloudApiException(task.Error?.Code ?? "TaskFailed", $"Task {taskId} ({task.TaskType}) failed: {task.Error?.Message ?? "no message"}")
                : task.IsFinished;
        }, ct);

    private async Task<string?> FindOwnClusterAsync(OperationRun run, OperationTarget target, CancellationToken ct)
    {
        if (target.Create is not { } create)
        {
            return null;
        }

        var found = await cs.FindClustersByNameAsync(target.Region, create.Cluster.Name, target.Account, ct).ConfigureAwait(false);
        return found.FirstOrDefault(c => AckRequests.IsCreatedBy(c, run.Operation.Id))?.ClusterId;
    }

    private async Task<NodePool?> FindPoolAsync(OperationTarget target, string clusterId, string? name, CancellationToken ct)
    {
        var pools = await cs.DescribeNodePoolsAsync(target.Region, clusterId, target.Account, ct).ConfigureAwait(false);
        return pools.FirstOrDefault(p => p.NodepoolInfo?.Name == name && p.Status?.State != NodePoolStatus.Deleting);
    }

    private async Task<bool> IsPoolDeletingAsync(OperationTarget target, string clusterId, string poolId, CancellationToken ct)
    {
        try
        {
            var pool = await cs.DescribeNodePoolDetailAsync(target.Region, clusterId, poolId, target.Account, ct).ConfigureAwait(false);
            return pool.Status?.State == NodePoolStatus.Deleting;
        }
        catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
        {
            return true;
        }
    }

    /// <summary>The pool's own vSwitches, else the cluster network's, else those ACK gave the cluster.</summary>
    private async Task<IReadOnlyList<string>> VswitchesAsync(OperationTarget target, string clusterId, NodePoolSpec pool, CancellationToken ct)
    {
        if (pool.VswitchIds is { Count: > 0 } own)
        {
            return own;
        }

        if (target.Create?.Cluster.Network?.VswitchIds is { Count: > 0 } network)
        {
            return network;
        }

        var cluster = await cs.DescribeClusterDetailAsync(target.Region, clusterId, target.Account, ct).ConfigureAwait(false);
        return cluster.VswitchIds is { Count: > 0 } made
            ? made
            : throw new CloudApiException(AlibabaErrorCodes.ClientInconsistentData, $"Cluster {clusterId} has no vSwitches to put pool {pool.Name} in.");
    }

    private static string RequireCluster(OperationRun run, OperationTarget target) =>
        target.ClusterId(run.Operation) ?? throw new InvalidOperationException($"Operation {run.Operation.Id} has no cluster id yet.");

    private static string Output(string name, JsonNode? value) => new JsonObject { [name] = value }.ToJsonString();
}
