using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Recommender.Api.GraphQL.Caching;
using Recommender.Api.GraphQL.Cost;

namespace Recommender.Api.GraphQL;

public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Schema, executer, serializer, limits and error mapping; limits from configuration section GraphQL.</summary>
    public static IServiceCollection AddGraphQLApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphQLApiOptions.Section);
        var limits = section.Get<GraphQLApiOptions>() ?? new GraphQLApiOptions();
        services.AddOptions<GraphQLApiOptions>().Bind(section)
            .Validate(o => o.MaxRequestBytes >= 1 && o.MaxDepth >= 1 && o.MaxComplexity >= 1 && o.MaxFields >= 1, "GraphQL limits must be at least 1.")
            .Validate(o => o.MaxSolvesPerRequest >= 1, "GraphQL:MaxSolvesPerRequest must be at least 1.")
            .Validate(o => o.ListSizeEstimate >= 1 && o.SchemaIntrospectionCost >= 1, "GraphQL cost model values must be at least 1.")
            .Validate(o => o.DocumentCacheEntries >= 0 && o.AnswerCacheBytes >= 0, "GraphQL cache sizes must not be negative.")
            .Validate(o => o.ExecutionTimeout > TimeSpan.Zero, "GraphQL:ExecutionTimeout must be positive.")
            .ValidateOnStart();
        // Depth and complexity are not GraphQL.NET's validation rule: that one expands fragments (exponential for a
        // fragment bomb) and runs after the quadratic rules. RequestAdmission measures first, in linear time.
        services.AddSingleton<RequestAdmission>();
        services.AddSingleton(sp => new CatalogAnswerCache(sp.GetRequiredService<IOptions<GraphQLApiOptions>>().Value.AnswerCacheBytes));
        services.AddGraphQL(b => b
            .AddSchema<RecommenderSchema>()
            .AddGraphTypes(typeof(RecommenderSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(o => o.ExposeCodes = false)
            .AddUnhandledExceptionHandler(ErrorMapping.Map)
            .WithTimeout(limits.ExecutionTimeout, TimeoutAction.ReturnTimeoutError));
        services.AddSingleton<ISchema>(sp => sp.GetRequiredService<RecommenderSchema>());
        return services;
    }
}
