using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation.Complexity;

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
                var standard = c.DefaultComplexityImpactDelegate;
                c.DefaultComplexityImpactDelegate = f => IsIntrospection(f) ? new FieldComplexityResult(0, 1) : standard(f);
            })
            .WithTimeout(limits.ExecutionTimeout, TimeoutAction.ReturnTimeoutError));
        services.AddSingleton<ISchema>(sp => sp.GetRequiredService<RecommenderSchema>());
        return services;
    }

    /// <summary>
    /// Introspection costs us nothing per item but its nested lists multiply to ~500k under the default rule, which
    /// would lock GraphiQL out; its depth is still limited.
    /// </summary>
    private static bool IsIntrospection(FieldImpactContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal)
        || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);
}
