using GraphQL.Types;
using Recommender.Provisioning;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class ClusterKubeconfigGraphType : ObjectGraphType<ClusterKubeconfig>
{
    public ClusterKubeconfigGraphType()
    {
        Name = "ClusterKubeconfig";
        Description = "A kubeconfig (YAML) holding a client credential of the cluster: store it like a password.";
        Field(k => k.Config).Description("The kubeconfig document.");
        Field(k => k.ExpiresAt, nullable: true).Description("When its credential expires.");
    }
}
