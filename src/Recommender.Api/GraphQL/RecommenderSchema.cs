using GraphQL.Types;

namespace Recommender.Api.GraphQL;

public sealed class RecommenderSchema : Schema
{
    public RecommenderSchema(IServiceProvider services, RootQuery query, RootMutation mutation)
        : base(services)
    {
        Description = "Recommender: cloud instance catalog and node-pool recommendations.";
        Query = query;
        Mutation = mutation;

        // Built-in scalars come without descriptions; ours are part of the public API.
        RegisterType(new DecimalGraphType { Description = "Exact decimal number, serialized as a JSON number; used for prices." });
        RegisterType(new LongGraphType { Description = "64-bit integer, serialized as a JSON number." });
    }
}
