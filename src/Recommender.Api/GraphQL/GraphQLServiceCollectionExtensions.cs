using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

namespace Recommender.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Schema, executer, serializer, limits and error mapping; limits from configuration section GraphQL.</summary>
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphQLApiOptions.Section);
        var limits = section.Get<GraphQLApiOptions>() ?? new GraphQLApiOptions();
        services.AddOptions<GraphQLApiOptions>().Bind(section);
        services.AddGraphQL(b => b
            .AddSchema<RecommenderSchema>()
            .AddGraphTypes(typeof(RecommenderSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeCodes = false)
            .AddUnhandledExceptionHandler(ErrorMapping.Map)
            .AddComplexityAnalyzer(c =>
            {
                c.MaxDepth = limits.MaxDepth;
                c.MaxComplexity = limits.MaxComplexity;
            })
            .WithTimeout(limits.ExecutionTimeout, TimeoutAction.ReturnTimeoutError));
        services.AddSingleton<ISchema>(sp => sp.GetRequiredService<RecommenderSchema>());
        return services;
    }
}
