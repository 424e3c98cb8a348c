using Recommender.Api.GraphQL.Provisioning;
using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog;
using Recommender.Api.GraphQL.Identity;
using Recommender.Api.GraphQL.Recommendations;
using Recommender.Api.GraphQL.ScaleOut;
using Recommender.Api.GraphQL.Secrets;
using Recommender.Api.GraphQL.Status;

namespace Recommender.Api.GraphQL;

/// <summary>The root query; each feature adds its fields through an <c>AddXxxFields</c> extension.</summary>
public sealed class RootQuery : ObjectGraphType
{
    public RootQuery()
    {
        Name = "Query";
        Description = "Read-only entry points: the instance catalog, its status, node-pool recommendations, the caller and their organisations' secrets.";
        this.AddCatalogFields();
        this.AddStatusFields();
        this.AddRecommendationFields();
        this.AddScaleOutFields();
        this.AddViewerFields();
        this.AddSecretQueries();
        this.AddProvisioningQueries();
    }
}
