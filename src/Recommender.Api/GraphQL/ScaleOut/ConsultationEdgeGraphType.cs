using GraphQL.Types;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ConsultationEdgeGraphType : ObjectGraphType<ConsultationEdge>
{
    public ConsultationEdgeGraphType()
    {
        Name = "ConsultationEdge";
        Description = "A consultation and its cursor.";
        Field(x => x.Cursor).Description("Pass as after to read what is older.");
        Field<NonNullGraphType<ConsultationGraphType>>("node").Description("The consultation.").Resolve(ctx => ctx.Source.Node);
    }
}
