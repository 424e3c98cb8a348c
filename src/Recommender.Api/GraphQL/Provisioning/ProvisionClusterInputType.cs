using GraphQL.Types;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ProvisionClusterInputType : InputObjectGraphType
{
    public ProvisionClusterInputType()
    {
        Name = "ProvisionClusterInput";
        Description = "A cluster and its node pools: from a recommendation of this organisation (recommendationId, layoutIndex) or an explicit layout (exactly one of the two).";
        Field<NonNullGraphType<IdGraphType>>("secretId").Description("The organisation's ALIBABA secret to sign with.");
        Field<NonNullGraphType<ClusterSpecInputType>>("cluster").Description("The cluster.");
        Field<IdGraphType>("recommendationId").Description("A recommendation made with recommendLayout(org:) by this organisation, not expired.");
        Field<NonNullGraphType<IntGraphType>>("layoutIndex").Description("Which of its layouts (0: the best).").DefaultValue(0);
        Field<LayoutInputType>("layout").Description("An explicit layout instead of a recommendation.");
    }
}
