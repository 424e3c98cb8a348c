using GraphQL.Types;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class OperationStepStateGraphType : EnumerationGraphType<OperationStepState>
{
    public OperationStepStateGraphType()
    {
        Name = "OperationStepState";
        Description = "Where one step is. SKIPPED: not needed after all (e.g. the pool already existed); ROLLED_BACK: undone by a rollback.";
    }
}
