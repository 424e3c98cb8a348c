namespace Recommender.Provisioning.Operations;

/// <summary>
/// Where an operation is. Stored by name, so never rename a member. <see cref="Pending"/>, <see cref="Running"/> and
/// <see cref="RollingBack"/> are runnable: a replica may claim them (the last two only once their lease ran out).
/// <see cref="Failed"/> waits for a person: retry (back to <see cref="Pending"/>, from the failed step) or roll back
/// (<see cref="RollingBack"/>). The others are final.
/// </summary>
public enum OperationState
{
    Pending,
    Running,
    Succeeded,
    Failed,
    RollingBack,
    RolledBack,
    Cancelled,
}
