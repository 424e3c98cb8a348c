namespace Recommender.Api.GraphQL;

/// <summary>Limits of the GraphQL endpoint, bound from configuration section <c>GraphQL</c>.</summary>
/// <remarks>Every limit but the timeout is checked before validation and execution (see Cost/RequestAdmission).</remarks>
public sealed class GraphQLApiOptions
{
    public const string Section = "GraphQL";

    /// <summary>Larger bodies get 413 before or while being read.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Deepest field nesting allowed (introspection needs about 13).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Complexity budget: one instanceTypes page of 500 with every field fits, a handful of such pages do not.</summary>
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>
    /// Field selections of a document once fragments are expanded (every operation and fragment). Validation compares
    /// fields pairwise, so this bounds its work; GraphiQL's full introspection query is about 300.
    /// </summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Solver runs (recommendLayout fields, each alias counting) one request may ask for.</summary>
    public int MaxSolvesPerRequest { get; set; } = 3;

    /// <summary>Assumed length of a list field that has no first/last argument.</summary>
    public int ListSizeEstimate { get; set; } = 10;

    /// <summary>Complexity of one __schema field (a whole schema, ~30 KB of answer); a __type field costs a tenth.</summary>
    public int SchemaIntrospectionCost { get; set; } = 5_000;

    /// <summary>Parsed (and once validated) documents kept, keyed by their text.</summary>
    public int DocumentCacheEntries { get; set; } = 1_000;

    /// <summary>
    /// Bytes of catalog answers kept in memory, keyed by entity tag (request and catalog versions); 0 turns the answer
    /// cache and HTTP caching off.
    /// </summary>
    public long AnswerCacheBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Server-side execution limit; the request then answers with a TIMEOUT error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
