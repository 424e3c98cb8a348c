using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class RecommendationStatusGraphType : EnumerationGraphType<RecommendationStatus>
{
    public RecommendationStatusGraphType()
    {
        Name = "RecommendationStatus";
        Description =
            "How far an answer can be trusted: OPTIMAL (proven cheapest, ties included), FEASIBLE (time limit hit after a "
            + "layout was found; see gap), INFEASIBLE (no layout exists; explanation says why), TIMED_OUT (no layout from "
            + "the solver in time, or it failed; layouts hold the greedy fallback when it satisfies every rule).";
    }
}
