using Recommender.Api.GraphQL.Provisioning;
using GraphQL.Types;
using Recommender.Api.GraphQL.Identity;
using Recommender.Api.GraphQL.Refresh;
using Recommender.Api.GraphQL.Secrets;

namespace Recommender.Api.GraphQL;

/// <summary>The root mutation; each feature adds its fields through an <c>AddXxxFields</c> extension. POST only.</summary>
public sealed class RootMutation : ObjectGraphType
{
    public RootMutation()
    {
        Name = "Mutation";
        Description = "Entry points that change state; refused over GET.";
        this.AddRefreshFields();
        this.AddSecretMutations();
        this.AddProvisioningMutations();
        this.AddDevelopmentTokenMutation();
    }
}
