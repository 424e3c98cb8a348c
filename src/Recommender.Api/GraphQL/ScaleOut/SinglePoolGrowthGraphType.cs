using GraphQL.Types;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class SinglePoolGrowthGraphType : ObjectGraphType<SinglePoolGrowth>
{
    public SinglePoolGrowthGraphType()
    {
        Name = "SinglePoolGrowth";
        Description = "The naive answer, for comparison: growing the one existing pool that meets the demand alone at the lowest price.";
        Field(x => x.Pool).Description("The pool's name.");
        Field(x => x.InstanceType).Description("Its instance type.");
        Field(x => x.NodesAdded).Description("Nodes it would add.");
        Field(x => x.AddedHourlyPrice).Description("What that would add per hour.");
    }
}
