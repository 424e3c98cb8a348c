using GraphQL.Types;
using Recommender.Provisioning.Inputs;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ClusterKindGraphType : EnumerationGraphType<ClusterKind>
{
    public ClusterKindGraphType()
    {
        Name = "ClusterKind";
        Description = "MANAGED: ACK runs the control plane. DEDICATED: three masters on your own ECS instances (needs masterInstanceType).";
    }
}
