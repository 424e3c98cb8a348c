using GraphQL.Types;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class PodRuleGraphType : EnumerationGraphType<PodRule>
{
    public PodRuleGraphType()
    {
        Name = "PodRule";
        Description =
            "How pending pods were fitted: NONE (no pods), PACKED (up to 100 pods: each assigned to a grown or added pool and packed "
            + "first-fit decreasing onto its added nodes), LARGEST_POD (beyond: each fits an empty node of some pool the change grows or adds).";
    }
}
