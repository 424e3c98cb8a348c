using GraphQL.Validation;
using GraphQLParser.AST;

namespace Recommender.Api.GraphQL;

/// <summary>GET must not change state: anything but a query is refused and the endpoint answers 405.</summary>
public sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    public static readonly QueriesOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new MethodNotAllowedError(context.Operation.Operation));
        }

        return default;
    }
}
