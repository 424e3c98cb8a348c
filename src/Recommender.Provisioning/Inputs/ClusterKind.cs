namespace Recommender.Provisioning.Inputs;

/// <summary>Who runs the control plane. Stored by name inside operation inputs, so never rename a member.</summary>
public enum ClusterKind
{
    /// <summary>ACK runs the control plane (<c>ManagedKubernetes</c>).</summary>
    Managed,

    /// <summary>Three masters on the customer's own ECS instances (<c>Kubernetes</c>, contract §4.1), as the seed's Pipeline made.</summary>
    Dedicated,
}
