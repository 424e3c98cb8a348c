using GraphQL.Types;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ScaleOutGraphType : ObjectGraphType<ScaleOutResult>
{
    public ScaleOutGraphType()
    {
        Name = "ScaleOut";
        Description =
            "The cheapest change that gives a running cluster its extra demand: existing pools grown and/or new pools added, never "
            + "anything removed. An impossible scale-out is an answer too (INFEASIBLE with an explanation).";
        Field<NonNullGraphType<RecommendationStatusGraphType>>("status")
            .Description("OPTIMAL: proven cheapest (the model is exact and the pods packed); FEASIBLE: see gap; INFEASIBLE; TIMED_OUT.")
            .Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ScaleOutPlanGraphType>>>>("plans")
            .Description("Best first; the rest are the next-cheapest changes with a different set of grown and added pools. Empty when INFEASIBLE.")
            .Resolve(ctx => ctx.Source.Plans);
        Field<ScaleOutPlanGraphType>("best").Description("plans[0], or null.").Resolve(ctx => ctx.Source.Plans.Count > 0 ? ctx.Source.Plans[0] : null);
        Field("addedHourlyPrice", x => x.Plans.Count > 0 ? x.Plans[0].AddedHourlyPrice : (decimal?)null, nullable: true)
            .Description("What the best change adds per hour; null when there is none.");
        Field("lowerBound", x => x.LowerBound, nullable: true).Description("Proven lower bound on the added hourly price of any change.");
        Field("gap", x => x.Gap, nullable: true).Description("(addedHourlyPrice - lowerBound) / addedHourlyPrice; 0 when optimal.");
        Field("solveTimeMs", x => x.SolveTimeMs).Description("Wall time of the solve, in milliseconds.");
        Field("explanation", x => x.Explanation, nullable: true).Description("Why there is no change, or why it is not proven cheapest.");
        Field<NonNullGraphType<ScaleOutDemandGraphType>>("demand").Description("The demand as computed (spare capacity first).")
            .Resolve(ctx => ctx.Source.Demand);
        Field<NonNullGraphType<PodRuleGraphType>>("podRule").Description("How the pending pods were fitted.").Resolve(ctx => ctx.Source.PodRule);
        Field<SinglePoolGrowthGraphType>("singlePoolGrowth").Description("Growing the cheapest single existing pool instead; null when none can alone.")
            .Resolve(ctx => ctx.Source.Baseline);
        Field("optionsCompared", x => x.OptionsCompared).Description("Growable pools and new-pool candidates the model compared.");
        Field("catalogVersion", x => x.CatalogVersion).Description("Version of the region catalog the answer was computed from.");
        Field("currency", x => x.Currency).Description("ISO 4217 code of every price in the answer.");
    }
}
