using Recommender.Core.Recommendations;

namespace Recommender.Solver.Tests;

/// <summary>The one ceiling division and its zero-capacity rule, and how the node bounds use it.</summary>
public sealed class NodeCoverTests
{
    [Theory]
    [InlineData(10, 3, 4)]
    [InlineData(9, 3, 3)]
    [InlineData(1, 3920, 1)]
    [InlineData(0, 3, 0)] // nothing asked
    [InlineData(-5, 3, 0)] // already covered
    [InlineData(0, 0, 0)] // nothing asked of a node that holds none
    public void Of_is_the_ceiling_and_zero_without_demand(long demand, long perNode, long nodes) =>
        Assert.Equal(nodes, NodeCover.Of(demand, perNode));

    [Fact]
    public void A_node_holding_none_of_a_positive_demand_never_covers_it()
    {
        Assert.Equal(NodeCover.Never, NodeCover.Of(1, 0));
        Assert.True(NodeCover.Never > LayoutRequestLimits.MaxNodes);
        Assert.True(NodeCover.Never + NodeCover.Never + LayoutRequestLimits.MaxNodes > 0, "safe to add");
    }

    [Fact]
    public void A_resource_the_candidate_lacks_does_not_bound_its_nodes()
    {
        // 2 GPUs asked: g7.xlarge has none, so its bound comes from what it does contribute (20 vCPU: 6 nodes), not maxNodes.
        var catalog = new TestCatalog()
            .Add("ecs.g7.xlarge", 4, 16, 0.20m)
            .Add("ecs.gn7i.xlarge", 4, 16, 1.20m, gpus: 1)
            .Build();
        var request = Layouts.Request(20, 20) with { Gpus = 2, MaxNodes = 50 };
        var problem = NodePoolProblemBuilder.Build(request, catalog, prune: false);
        Assert.Equal(6, problem.UpperBounds[problem.Candidates.ToList().FindIndex(c => c.Name == "ecs.g7.xlarge")]);
        Assert.Equal(1.20m * 2 + (0.20m * 4), Layouts.Best(request, catalog).HourlyPrice); // 2 GPU nodes cover 7.84 vCPU, 4 more g7 the rest
    }
}
