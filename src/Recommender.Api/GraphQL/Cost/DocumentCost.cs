using GraphQLParser.AST;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>The cost of each operation of a document, and how many field selections validation will walk in all.</summary>
/// <param name="Operations">Each operation with its name (null when anonymous), its type and its cost.</param>
/// <param name="ValidatedFields">Expanded field selections of every operation and every fragment definition.</param>
public sealed record DocumentCost(IReadOnlyList<(string? Name, OperationType Type, OperationCost Cost)> Operations, double ValidatedFields);
