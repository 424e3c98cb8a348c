using GraphQL.Types;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Identity;

public sealed class MembershipGraphType : ObjectGraphType<KeyValuePair<string, OrganizationRole>>
{
    public MembershipGraphType()
    {
        Name = "Membership";
        Description = "An organisation the caller belongs to, as the token says.";
        Field<NonNullGraphType<IdGraphType>>("organization").Description("Organisation id.").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<OrganizationRoleGraphType>>("role").Description("Your role in it.").Resolve(ctx => ctx.Source.Value);
    }
}
