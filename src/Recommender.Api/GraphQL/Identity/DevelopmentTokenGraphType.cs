using GraphQL.Types;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Identity;

public sealed class DevelopmentTokenGraphType : ObjectGraphType<DevelopmentToken>
{
    public DevelopmentTokenGraphType()
    {
        Name = "DevelopmentToken";
        Description = "A bearer token signed with the embedded default's development key, as the dev-token command prints it.";
        Field(t => t.Token).Description("The JWT: send it as 'Authorization: Bearer <token>'.");
        Field(t => t.ExpiresAt).Description("When it stops being accepted.");
        Field(t => t.Subject).Description("The user it names (sub).");
        Field<NonNullGraphType<IdGraphType>>("organization").Description("The one organisation it grants.").Resolve(ctx => ctx.Source.Organization);
        Field<NonNullGraphType<OrganizationRoleGraphType>>("role").Description("The role it grants there.").Resolve(ctx => ctx.Source.Role);
    }
}
