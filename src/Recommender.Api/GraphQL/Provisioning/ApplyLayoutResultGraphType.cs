using GraphQL.Types;
using Recommender.Provisioning;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ApplyLayoutResultGraphType : ObjectGraphType<ApplyLayoutResult>
{
    public ApplyLayoutResultGraphType()
    {
        Name = "ApplyLayoutResult";
        Description = "The plan as the cluster stands now, and the operation carrying it out (null for a dry run; it plans again when it runs).";
        Field<NonNullGraphType<LayoutPlanGraphType>>("plan").Description("What would change, pool by pool.").Resolve(ctx => ctx.Source.Plan);
        Field<OperationGraphType>("operation").Description("The operation carrying the plan out; null for a dry run.").Resolve(ctx => ctx.Source.Operation);
    }
}
