using Recommender.Core.Cloud;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Execution;

/// <summary>What the steps of an operation act on, read from its input: region, credentials, the cluster, the layout.</summary>
internal sealed class OperationTarget
{
    private OperationTarget(ProvisioningOperation operation, string region, string secretId)
    {
        Operation = operation;
        Region = region;
        Account = CredentialReference.OfOrganization(operation.Organization, secretId);
        SecretId = secretId;
    }

    public ProvisioningOperation Operation { get; }

    public string Region { get; }

    public string SecretId { get; }

    public CredentialReference Account { get; }

    public CreateClusterInput? Create { get; private init; }

    public ApplyLayoutInput? Apply { get; private init; }

    public DeleteClusterInput? Delete { get; private init; }

    /// <summary>The layout whose pools the pool steps create or scale (none for a delete).</summary>
    public LayoutSpec Layout => Create?.Layout ?? Apply?.Layout ?? new LayoutSpec { Pools = [] };

    public static OperationTarget Of(ProvisioningOperation operation)
    {
        switch (operation.Kind)
        {
            case OperationKind.CreateCluster:
                var create = ProvisioningJson.Read<CreateClusterInput>(operation.Input);
                return new OperationTarget(operation, create.Cluster.Region, create.SecretId) { Create = create };
            case OperationKind.ApplyLayout:
                var apply = ProvisioningJson.Read<ApplyLayoutInput>(operation.Input);
                return new OperationTarget(operation, apply.Region, apply.SecretId) { Apply = apply };
            case OperationKind.DeleteCluster:
                var delete = ProvisioningJson.Read<DeleteClusterInput>(operation.Input);
                return new OperationTarget(operation, delete.Region, delete.SecretId) { Delete = delete };
            default:
                throw new InvalidOperationException($"Unknown operation kind {operation.Kind}.");
        }
    }

    /// <summary>The cluster id: the input's, or what the CreateCluster step recorded (null before it did).</summary>
    public string? ClusterId(ProvisioningOperation current) =>
        Apply?.ClusterId ?? Delete?.ClusterId ?? current.Steps.FirstOrDefault(s => s.Name == StepNames.CreateCluster)?.ClusterId;

    public NodePoolSpec Pool(string? name) =>
        Layout.Pools.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"Operation {Operation.Id} has no node pool '{name}' in its layout.");
}
