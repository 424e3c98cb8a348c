using GraphQLParser.AST;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>A request allowed to run.</summary>
/// <param name="Document">Its parsed document.</param>
/// <param name="IsCatalogData">A query whose every root field is catalog data: its answer changes only with the catalog.</param>
/// <param name="Operation">Whether the selected operation reads or writes (mutations are rate-limited per token).</param>
public sealed record Admission(PreparedDocument Document, bool IsCatalogData, OperationType Operation);
