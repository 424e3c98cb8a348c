using GraphQL.Types;
using Recommender.Core.Consultations;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ConsultationPageInfoGraphType : ObjectGraphType<ConsultationPage>
{
    public ConsultationPageInfoGraphType()
    {
        Name = "ConsultationPageInfo";
        Description = "Paging state of a consultations page.";
        Field(x => x.HasNextPage).Description("Whether older consultations follow.");
        Field<StringGraphType>("endCursor").Description("Cursor of the last consultation of the page; null when the page is empty.")
            .Resolve(ctx => ctx.Source.Items.Count > 0 ? ConsultationCursor.Encode(ctx.Source.Items[^1]) : null);
    }
}
