using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class RecommendationImprovementGraphType : ObjectGraphType<RecommendationImprovement>
{
    private static readonly RecommendationChanges[] Flags =
    [
        RecommendationChanges.Status, RecommendationChanges.Price, RecommendationChanges.Bound, RecommendationChanges.Gap,
        RecommendationChanges.Layouts,
    ];

    public RecommendationImprovementGraphType()
    {
        Name = "RecommendationImprovement";
        Description =
            "One change a background solve made to a recommendation after it was answered, with the values before and "
            + "after. A price only ever falls and a lower bound only ever rises.";
        Field("at", x => x.At).Description("When the change was stored.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendationChangeGraphType>>>>("changes")
            .Description("What changed.")
            .Resolve(ctx => Flags.Where(f => ctx.Source.Changes.HasFlag(f)).ToList());
        Field<NonNullGraphType<RecommendationStatusGraphType>>("previousStatus").Description("The status before.")
            .Resolve(ctx => ctx.Source.PreviousStatus);
        Field<NonNullGraphType<RecommendationStatusGraphType>>("status").Description("The status after.")
            .Resolve(ctx => ctx.Source.Status);
        Field("previousHourlyPrice", x => x.PreviousHourlyPrice, nullable: true)
            .Description("Hourly price of the best layout before; null when there was none.");
        Field("hourlyPrice", x => x.HourlyPrice, nullable: true).Description("Hourly price of the best layout after.");
        Field("previousLowerBound", x => x.PreviousLowerBound, nullable: true).Description("Proven lower bound before; null when none was known.");
        Field("lowerBound", x => x.LowerBound, nullable: true).Description("Proven lower bound after.");
        Field("previousGap", x => x.PreviousGap, nullable: true).Description("Relative gap before; null without price and bound.");
        Field("gap", x => x.Gap, nullable: true).Description("Relative gap after; 0 when proven optimal.");
    }
}
