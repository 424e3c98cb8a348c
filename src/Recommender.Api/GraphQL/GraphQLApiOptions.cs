namespace Recommender.Api.GraphQL;

/// <summary>Limits of the GraphQL endpoint, bound from configuration section <c>GraphQL</c>.</summary>
public sealed class GraphQLApiOptions
{
    public const string Section = "GraphQL";

    /// <summary>Larger bodies get 413 before or while being read.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest field nesting allowed (introspection needs about 13).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Complexity budget: one instanceTypes page of 500 with every field fits, a handful of such pages do not.</summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>Server-side execution limit; the request then answers with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
