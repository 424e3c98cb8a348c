using GraphQL.Types;

namespace Recommender.Api.GraphQL;

public sealed class RecommenderSchema : Schema
{
    public RecommenderSchema(IServiceProvider services, RootQuery query)
        : base(services)
    {
        Description = "Recommender: cloud instance catalog and node-pool recommendations.";
        Query = query;
    }
}
