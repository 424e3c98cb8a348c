using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>One flag of <see cref="RecommendationChanges"/> (None is never listed).</summary>
public sealed class RecommendationChangeGraphType : EnumerationGraphType
{
    public RecommendationChangeGraphType()
    {
        Name = "RecommendationChange";
        Description = "What a background improvement changed.";
        Add("STATUS", RecommendationChanges.Status, "The status (e.g. FEASIBLE to OPTIMAL).");
        Add("PRICE", RecommendationChanges.Price, "The best layout's hourly price (only ever lower).");
        Add("BOUND", RecommendationChanges.Bound, "The proven lower bound (only ever higher).");
        Add("GAP", RecommendationChanges.Gap, "The relative gap.");
        Add("LAYOUTS", RecommendationChanges.Layouts, "The layouts: a better best layout, or better or further alternatives.");
    }
}
