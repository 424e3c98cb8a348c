using GraphQLParser.AST;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>A parsed document shared by every request with the same text; the AST is never modified after parsing.</summary>
public sealed class PreparedDocument(GraphQLDocument document, int length)
{
    private volatile bool validated;

    public GraphQLDocument Document { get; } = document;

    /// <summary>Characters of the document's text: what it weighs in the cache.</summary>
    public int Length { get; } = length;

    /// <summary>
    /// The document passed every validation rule once. Validation depends only on the document and the schema, so later
    /// requests run only the rules that depend on the request (variables' values, the HTTP method).
    /// </summary>
    public bool IsValidated => validated;

    public void MarkValidated() => validated = true;
}
