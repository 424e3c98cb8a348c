using GraphQL.Validation;
using GraphQLParser.AST;

namespace Recommender.Api.GraphQL;

/// <summary>Reported by <see cref="QueriesOnlyOverGetRule"/>; the endpoint maps it to 405.</summary>
public sealed class MethodNotAllowedError : ValidationError
{
    public MethodNotAllowedError(OperationType operation)
        : base($"Only queries can be sent with GET; send the {operation.ToString().ToLowerInvariant()} with POST.")
    {
        Code = TransportError.MethodNotAllowed;
    }
}
