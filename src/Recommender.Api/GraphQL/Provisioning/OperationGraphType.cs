using GraphQL.Types;
using Recommender.Provisioning.Operations;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class OperationGraphType : ObjectGraphType<ProvisioningOperation>
{
    public OperationGraphType()
    {
        Name = "Operation";
        Description = "A durable provisioning request (create a cluster, apply a layout, delete a cluster), carried out step by step by "
            + "whichever replica holds its lease; it survives restarts. Holds the secret's id, never a value.";
        Field(o => o.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Time-ordered id.");
        Field(o => o.Organization, type: typeof(NonNullGraphType<IdGraphType>)).Description("The owning organisation.");
        Field(o => o.Kind, type: typeof(NonNullGraphType<OperationKindGraphType>)).Description("What it does.");
        Field(o => o.State, type: typeof(NonNullGraphType<OperationStateGraphType>)).Description("Where it is.");
        Field(o => o.IdempotencyKey, nullable: true).Description("The client's key: the same key returns this operation again.");
        Field<IdGraphType>("secretId").Description("The organisation's secret the steps sign with.")
            .Resolve(ctx => ctx.Source.Credentials?.Name);
        Field<IdGraphType>("clusterId").Description("The ACK cluster it made or works on, once known.")
            .Resolve(ctx => ctx.Source.Steps.Select(s => s.ClusterId).LastOrDefault(id => id is not null));
        Field<StringGraphType>("failedStep").Description("The name of the step that failed, when the operation did.")
            .Resolve(ctx => ctx.Source.Steps.FirstOrDefault(s => s.State == OperationStepState.Failed)?.Name);
        Field(o => o.Input).Description("The request as a JSON document (cluster spec, layout…), exactly as accepted.");
        Field(o => o.CreatedAt).Description("When it was accepted.");
        Field(o => o.UpdatedAt).Description("When it was last saved or claimed.");
        Field(o => o.Version).Description("Grows on every save.");
        Field(o => o.LeaseOwner, nullable: true).Description("The replica working on it, until leaseExpiresAt.");
        Field(o => o.LeaseExpiresAt, nullable: true).Description("When another replica may take it over if this one stops renewing.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OperationStepGraphType>>>>("steps").Description("In the order they run.")
            .Resolve(ctx => ctx.Source.Steps);
    }
}
