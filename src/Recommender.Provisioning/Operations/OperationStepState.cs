namespace Recommender.Provisioning.Operations;

/// <summary>Where one step of an operation is. Stored by name, so never rename a member.</summary>
public enum OperationStepState
{
    Pending,
    Running,
    Succeeded,
    Failed,

    /// <summary>Not needed after all (e.g. the node pool already existed).</summary>
    Skipped,

    /// <summary>Its effect was undone by a rollback.</summary>
    RolledBack,
}
