using GraphQL;
using GraphQL.Types;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Identity;

public static class DevelopmentTokenMutations
{
    public static ObjectGraphType AddDevelopmentTokenMutation(this ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<DevelopmentTokenGraphType>>("issueDevelopmentToken")
            .Description("Signs in on the embedded default: a development token (12 h) for one organisation and role, as dev-token prints it. "
                + "Only outside Production, with no Identity:SigningKey or Identity:Authority, and to a request straight from loopback; "
                + "otherwise FORBIDDEN saying why. Bad org or user: BAD_USER_INPUT.")
            .Argument<NonNullGraphType<IdGraphType>>("org", "Organisation id the token grants.")
            .Argument<NonNullGraphType<OrganizationRoleGraphType>>("role", "Role in that organisation.", a => a.DefaultValue = OrganizationRole.Admin)
            .Argument<NonNullGraphType<StringGraphType>>("user", "The user it names (sub).", a => a.DefaultValue = "developer")
            .Resolve(ctx =>
            {
                var http = ctx.RequestServices!.GetRequiredService<IHttpContextAccessor>().HttpContext;
                return ctx.RequestServices!.GetRequiredService<DevelopmentTokenIssuer>()
                    .Issue(http, ctx.GetArgument<string>("org"), ctx.GetArgument<OrganizationRole>("role"), ctx.GetArgument<string>("user"));
            });
        return mutation;
    }
}
