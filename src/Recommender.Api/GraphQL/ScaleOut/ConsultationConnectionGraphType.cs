using GraphQL.Types;
using Recommender.Core.Consultations;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ConsultationConnectionGraphType : ObjectGraphType<ConsultationPage>
{
    public ConsultationConnectionGraphType()
    {
        Name = "ConsultationConnection";
        Description = "A cluster's consultations, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsultationEdgeGraphType>>>>("edges").Description("The page's consultations with cursors.")
            .Resolve(ctx => ctx.Source.Items.Select(c => new ConsultationEdge(c)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsultationGraphType>>>>("nodes").Description("The page's consultations.")
            .Resolve(ctx => ctx.Source.Items);
        Field<NonNullGraphType<ConsultationPageInfoGraphType>>("pageInfo").Description("Paging state.").Resolve(ctx => ctx.Source);
    }
}
