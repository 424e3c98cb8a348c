using GraphQL.Types;
using Recommender.Core.Consultations;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ConsultationGraphType : ObjectGraphType<Consultation>
{
    public ConsultationGraphType()
    {
        Name = "Consultation";
        Description = "One entry of the decision log: an autoscaler asked which pools to grow; what it asked, what we answered and why.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Random id.").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<ConsultationKindGraphType>>("kind").Description("Which API was consulted.").Resolve(ctx => ctx.Source.Kind);
        Field(x => x.Organization, nullable: true).Description("Organisation of the cluster; null when anonymous.");
        Field(x => x.Cluster).Description("The cluster's label.");
        Field(x => x.At).Description("When it was answered.");
        Field(x => x.ExpiresAt).Description("When it leaves the log (Consultations:Retention after at, default 7 days).");
        Field(x => x.CatalogVersion).Description("Version of the region catalog the answer used (0 when nothing was priced).");
        Field(x => x.Input).Description("What was asked, summarised (at most 2,000 characters).");
        Field(x => x.Answer).Description("What was answered, summarised.");
        Field(x => x.Why).Description("The prices compared: the answer against alternatives and the single-pool baseline, or per option.");
        Field(x => x.Outcome).Description("The answer's status (OPTIMAL, INFEASIBLE, ...) or the expander's decision basis.");
        Field(x => x.AddedHourlyPrice, nullable: true).Description("What the answer adds per hour; null when unpriced.");
    }
}
