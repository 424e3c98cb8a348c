using GraphQL.Types;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class OperationPageGraphType : ObjectGraphType<OperationPage>
{
    public OperationPageGraphType()
    {
        Name = "OperationPage";
        Description = "One page of operations, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OperationGraphType>>>>("items").Description("The operations of this page.").Resolve(ctx => ctx.Source.Items);
        Field(p => p.NextCursor, nullable: true).Description("Pass as `after` for the next page; null on the last one.");
    }
}
