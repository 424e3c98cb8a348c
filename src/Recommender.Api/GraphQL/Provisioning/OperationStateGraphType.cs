using GraphQL.Types;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class OperationStateGraphType : EnumerationGraphType<OperationState>
{
    public OperationStateGraphType()
    {
        Name = "OperationState";
        Description = "Where an operation is. PENDING, RUNNING and ROLLING_BACK are being worked on by a replica; FAILED waits for "
            + "retryOperation or rollBackOperation; the others are final.";
    }
}
