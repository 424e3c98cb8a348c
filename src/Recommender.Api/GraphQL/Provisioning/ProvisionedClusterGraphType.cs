using GraphQL.Types;
using Recommender.Provisioning;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ProvisionedClusterGraphType : ObjectGraphType<ProvisionedCluster>
{
    public ProvisionedClusterGraphType()
    {
        Name = "Cluster";
        Description = "A cluster the service created for the organisation, with its state from ACK and its hourly price from our catalog.";
        Field(c => c.ClusterId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The ACK cluster id.");
        Field(c => c.Name).Description("The cluster's name.");
        Field(c => c.Region).Description("Region id.");
        Field(c => c.Kind, type: typeof(NonNullGraphType<ClusterKindGraphType>)).Description("Managed or dedicated.");
        Field(c => c.State).Description("ACK's state (initial, running, failed…); 'deleted' when ACK no longer knows it, 'unknown' when ACK could not be asked.");
        Field(c => c.NodeCount, nullable: true).Description("Worker nodes, as ACK counts them.");
        Field(c => c.HourlyPrice, nullable: true).Description("Its node pools priced from our catalog; null when a type has no price there.");
        Field(c => c.Currency, nullable: true).Description("ISO 4217 code of hourlyPrice.");
        Field(c => c.OperationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The operation that created it.");
        Field(c => c.CreatedAt).Description("When that operation was accepted.");
    }
}
