using GraphQL.Types;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Identity;

public sealed class OrganizationRoleGraphType : EnumerationGraphType<OrganizationRole>
{
    public OrganizationRoleGraphType()
    {
        Name = "OrganizationRole";
        Description = "A user's role in an organisation: members read and use, admins also write secrets and run operator mutations.";
    }
}
