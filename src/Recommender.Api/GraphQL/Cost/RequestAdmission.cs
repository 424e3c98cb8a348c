using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>
/// Decides, before any validation rule or resolver runs, whether a request may run: parses it (or takes the cached
/// parse), measures it with <see cref="CostAnalyzer"/> and checks every limit of <see cref="GraphQLApiOptions"/>.
/// Everything here is linear in the document's text, so a hostile document costs what its bytes cost to read.
/// </summary>
public sealed class RequestAdmission
{
    /// <summary>Total characters the parse cache keeps (about 32 MB of text at most).</summary>
    private const long CachedCharacters = 16L * 1024 * 1024;

    private readonly GraphQLApiOptions limits;
    private readonly CostModel model;

    public RequestAdmission(IOptions<GraphQLApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        limits = options.Value;
        model = new CostModel(limits.ListSizeEstimate, limits.SchemaIntrospectionCost, Math.Max(1, limits.SchemaIntrospectionCost / 10));
        // The parser's depth counts AST nodes (a field and its selection set are two); this lets every document through
        // whose fields fit MaxDepth, with room for nested input values, and stops pathological nesting before recursion.
        Documents = new DocumentCache(limits.DocumentCacheEntries, CachedCharacters, (4 * limits.MaxDepth) + 32);
    }

    public DocumentCache Documents { get; }

    /// <summary>
    /// The parsed document of a request allowed to run, and whether its answer is catalog data only. Throws an
    /// <c>ExecutionError</c> to answer with instead: a syntax error, or a <see cref="RequestLimitError"/>.
    /// </summary>
    public Admission Admit(string query, string? operationName, IReadOnlyDictionary<string, object?>? variables, ISchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var prepared = Documents.Get(query);
        var cost = CostAnalyzer.Measure(schema, prepared.Document, variables, model);
        if (cost.Operations.Any(o => o.Type == OperationType.Subscription))
        {
            throw RequestLimitError.Subscription();
        }

        // Validation walks every operation and fragment of the document, whichever operation is executed.
        if (cost.ValidatedFields > limits.MaxFields)
        {
            throw RequestLimitError.OverFields(cost.ValidatedFields, limits.MaxFields);
        }

        var selected = operationName is null
            ? cost.Operations.Count == 1 ? cost.Operations[0] : default
            : cost.Operations.FirstOrDefault(o => string.Equals(o.Name, operationName, StringComparison.Ordinal));
        if (selected == default)
        {
            return new Admission(prepared, IsCatalogData: false, OperationType.Query); // No such operation: the executer says so.
        }

        var measured = selected.Cost;
        if (measured.Depth > limits.MaxDepth)
        {
            throw RequestLimitError.OverDepth(measured.Depth, limits.MaxDepth);
        }

        if (measured.Complexity > limits.MaxComplexity)
        {
            throw RequestLimitError.OverComplexity(measured.Complexity, limits.MaxComplexity);
        }

        if (measured.Solves > limits.MaxSolvesPerRequest)
        {
            throw RequestLimitError.OverSolves(measured.Solves, limits.MaxSolvesPerRequest);
        }

        return new Admission(prepared, selected.Type == OperationType.Query && !measured.Volatile, selected.Type);
    }
}
