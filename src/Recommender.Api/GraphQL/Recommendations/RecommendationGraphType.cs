using GraphQL.Types;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class RecommendationGraphType : ObjectGraphType<StoredRecommendation>
{
    public RecommendationGraphType()
    {
        Name = "Recommendation";
        Description =
            "Node-pool layouts answering a LayoutRequest. An impossible request is an answer too (status INFEASIBLE with "
            + "an explanation), never an error. Kept for recommendation(id) until expiresAt. An answer not yet proven when "
            + "given is improved in place by a background solve while proof is PROVING: status, layouts, lowerBound, gap "
            + "and provenAt then show the latest state, and improvements what changed when.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Opaque random id; read the answer again with recommendation(id).")
            .Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<RecommendationStatusGraphType>>("status").Description("How far the answer can be trusted.")
            .Resolve(ctx => ctx.Source.Recommendation.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LayoutGraphType>>>>("layouts")
            .Description("Best first; the rest are the next-cheapest layouts using a different set of instance types. Empty when INFEASIBLE.")
            .Resolve(ctx => ctx.Source.Recommendation.Layouts.Select(l => new RecommendedLayout(l, new RegionKey(ctx.Source.Request.Provider, ctx.Source.Request.Region))));
        Field("lowerBound", x => x.Recommendation.LowerBound, nullable: true)
            .Description("Proven lower bound on the hourly price of any layout; null when none is known.");
        Field("gap", x => x.Recommendation.Gap, nullable: true)
            .Description("(hourly price of the best layout - lowerBound) / that price; 0 when optimal, null without both.");
        Field("solveTimeMs", x => x.Recommendation.SolveTimeMs)
            .Description("Wall time the solver spent on the request, in milliseconds: at answer time plus any background solve.");
        Field<NonNullGraphType<ProofStateGraphType>>("proof")
            .Description("PROVING while a background solve may still improve this recommendation (read it again), else DONE.")
            .Resolve(ctx => ctx.Source.IsProvingAt(ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow()) ? ProofState.Proving : ProofState.Done);
        Field("provenAt", x => x.ProvenAt, nullable: true)
            .Description("When the answer was proven (OPTIMAL or INFEASIBLE): at answer time or by the background solve; null while unproven.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecommendationImprovementGraphType>>>>("improvements")
            .Description("What background solves changed after the answer was given, oldest first; empty when nothing did.")
            .Resolve(ctx => ctx.Source.Improvements);
        Field("explanation", x => x.Recommendation.Explanation, nullable: true)
            .Description("Why the request is infeasible, or what happened on a time limit; null when optimal.");
        Field("catalogVersion", x => x.Recommendation.CatalogVersion).Description("Version of the region catalog the answer was computed from.");
        Field("catalogAgeSeconds", x => x.Recommendation.CatalogAge.TotalSeconds)
            .Description("How old that catalog was when the answer was computed, in seconds.");
        Field("currency", x => x.Recommendation.Currency).Description("ISO 4217 code of every price in the answer.");
        Field<NonNullGraphType<LayoutRequestEchoGraphType>>("request").Description("The request answered, defaults filled in.")
            .Resolve(ctx => ctx.Source.Request);
        Field("createdAt", x => x.CreatedAt).Description("When the answer was computed.");
        Field("organization", x => x.Organization, nullable: true)
            .Description("The organisation the answer is kept for (only its members read it, only it provisions from it); null when anonymous.");
        Field("expiresAt", x => x.ExpiresAt).Description("Until when recommendation(id) returns it (Recommendations:Retention after createdAt, default 24 h).");
    }
}
