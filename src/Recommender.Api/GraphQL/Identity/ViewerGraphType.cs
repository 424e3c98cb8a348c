using GraphQL.Types;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Identity;

public sealed class ViewerGraphType : ObjectGraphType<CallerIdentity>
{
    public ViewerGraphType()
    {
        Name = "Viewer";
        Description = "The caller, from the bearer token.";
        Field(v => v.Subject).Description("The token's subject (sub): what updatedBy records.");
        Field(v => v.DisplayName, nullable: true).Description("The token's name claim, if any.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MembershipGraphType>>>>("organizations")
            .Description("Your organisations with your role in each, by id.")
            .Resolve(ctx => ctx.Source.Organizations.OrderBy(o => o.Key, StringComparer.Ordinal));
    }
}
