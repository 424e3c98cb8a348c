using GraphQL.Types;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class OperationStepGraphType : ObjectGraphType<OperationStep>
{
    public OperationStepGraphType()
    {
        Name = "OperationStep";
        Description = "One step of an operation, with its times, attempts, the ACK ids it made or waits on, and Alibaba's error when it failed.";
        Field(s => s.Name).Description("e.g. ReadCredentials, CreateCluster, WaitForCluster, CreateClusterNodePool, WaitForNodePool.");
        Field(s => s.State, type: typeof(NonNullGraphType<OperationStepStateGraphType>)).Description("Where the step is.");
        Field(s => s.NodePool, nullable: true).Description("The layout's node pool a per-pool step is about.");
        Field(s => s.StartedAt, nullable: true).Description("When the last attempt started.");
        Field(s => s.FinishedAt, nullable: true).Description("When it succeeded, failed or was skipped.");
        Field(s => s.Attempts).Description("How many times it was started, retries included.");
        Field(s => s.ClusterId, nullable: true).Description("The ACK cluster id, once known.");
        Field(s => s.NodePoolId, nullable: true).Description("The ACK node pool id a per-pool step made or waits on.");
        Field(s => s.TaskId, nullable: true).Description("The ACK task id an asynchronous call returned.");
        Field(s => s.VendorCode, nullable: true).Description("Alibaba's error code when the step failed on a cloud error, e.g. QuotaExceeded.Instance.");
        Field(s => s.VendorMessage, nullable: true).Description("Alibaba's error message, verbatim.");
        Field(s => s.VendorRequestId, nullable: true).Description("Alibaba's request id of the failed call, for support tickets.");
    }
}
