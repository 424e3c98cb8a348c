using GraphQL.Types;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class OperationKindGraphType : EnumerationGraphType<OperationKind>
{
    public OperationKindGraphType()
    {
        Name = "OperationKind";
        Description = "What a provisioning operation does.";
    }
}
