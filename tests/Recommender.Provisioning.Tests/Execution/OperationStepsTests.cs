using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Tests.Execution;

public sealed class OperationStepsTests
{
    /// <summary>A PlanLayout step's output as the executor writes it (camelCase, enums by name).</summary>
    private const string Plan = """
        {"clusterId":"c1","changes":[
          {"kind":"Scale","name":"workers","nodePoolId":"np-w","instanceType":"ecs.g7.large","capacityType":"OnDemand","fromCount":2,"toCount":4,"unitPrice":0.1,"hourlyPriceChange":0.2},
          {"kind":"Scale","name":"batch","nodePoolId":"np-b","instanceType":"ecs.g7.large","capacityType":"Spot","fromCount":3,"toCount":5,"unitPrice":0.05,"hourlyPriceChange":0.1},
          {"kind":"Create","name":"gpu","instanceType":"ecs.gn7i.xlarge","capacityType":"OnDemand","fromCount":0,"toCount":2,"unitPrice":1.2,"hourlyPriceChange":2.4}],
         "hourlyPriceChange":2.7,"currency":"USD","unpriced":[]}
        """;

    [Fact]
    public void Rolling_back_an_apply_deletes_the_pools_it_created_and_sets_the_scales_it_started_back_to_the_planned_size()
    {
        var operation = Apply(
            new OperationStep { Name = StepNames.ReadCredentials, State = OperationStepState.Succeeded, Attempts = 1 },
            new OperationStep { Name = StepNames.PlanLayout, State = OperationStepState.Succeeded, Attempts = 1, Output = Plan },
            new OperationStep { Name = StepNames.ScaleNodePool, NodePool = "workers", ClusterId = "c1", NodePoolId = "np-w", State = OperationStepState.Succeeded, Attempts = 1 },
            new OperationStep { Name = StepNames.ScaleNodePool, NodePool = "batch", ClusterId = "c1", NodePoolId = "np-b" },
            new OperationStep { Name = StepNames.CreateNodePool, NodePool = "gpu", ClusterId = "c1", NodePoolId = "np-g", State = OperationStepState.Failed, Attempts = 1 });

        var undo = OperationSteps.ForRollBack(operation);

        // batch's scale never started, so there is nothing to set back.
        Assert.Equal(
            [
                (StepNames.RollBackDeleteNodePool, "gpu", "np-g"),
                (StepNames.RollBackScaleNodePool, "workers", "np-w"),
                (StepNames.RollBackWaitForNodePoolDeleted, "gpu", "np-g"),
                (StepNames.RollBackWaitForNodePool, "workers", "np-w"),
            ],
            undo.Select(s => (s.Name, s.NodePool!, s.NodePoolId!)));
        Assert.Equal(2, OperationSteps.DesiredSizeOf(undo[1]));
        Assert.All(undo, s => Assert.Equal(("c1", OperationStepState.Pending), (s.ClusterId!, s.State)));
    }

    [Fact]
    public void An_apply_that_changed_nothing_yet_has_nothing_to_roll_back()
    {
        var operation = Apply(
            new OperationStep { Name = StepNames.ReadCredentials, State = OperationStepState.Failed, Attempts = 1 },
            new OperationStep { Name = StepNames.PlanLayout });

        Assert.Empty(OperationSteps.ForRollBack(operation));
    }

    private static ProvisioningOperation Apply(params OperationStep[] steps) => new()
    {
        Id = "op-1",
        Organization = "org-1",
        Kind = OperationKind.ApplyLayout,
        Input = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        State = OperationState.Failed,
        Steps = steps,
    };
}
