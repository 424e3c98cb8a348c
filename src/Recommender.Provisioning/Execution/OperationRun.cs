using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// One replica's turn on a claimed operation: the version it last wrote, and compare-and-set saves from there. A save
/// that finds another version means the lease was lost (<see cref="LeaseLostException"/>), never a merge.
/// </summary>
internal sealed class OperationRun(IOperationStore store, TimeProvider time, ProvisioningOperation claimed, Func<CancellationToken, Task<bool>>? renewLease)
{
    public ProvisioningOperation Operation { get; private set; } = claimed;

    public DateTimeOffset Now => time.GetUtcNow();

    public OperationStep Step(int index) => Operation.Steps[index];

    public async Task SaveAsync(ProvisioningOperation next, CancellationToken ct)
    {
        try
        {
            Operation = await store.SaveAsync(next with { UpdatedAt = Now }, Operation.Version, ct).ConfigureAwait(false);
        }
        catch (ConflictException e)
        {
            throw new LeaseLostException(Operation.Id, e);
        }
    }

    /// <summary>
    /// Right before a call that creates something: renews the lease, so the call runs with a whole lease ahead and no one
    /// can take the operation over (and repeat the create) while the answer is on its way, even if the background renewal
    /// was late; then saves unchanged with compare-and-set, which proves this run still holds the latest claim (a renewal
    /// alone cannot tell two claims of the same replica apart). <see cref="LeaseLostException"/> when either fails.
    /// </summary>
    public async Task ConfirmLeaseAsync(CancellationToken ct)
    {
        if (renewLease is not null && !await renewLease(ct).ConfigureAwait(false))
        {
            throw new LeaseLostException(Operation.Id, new InvalidOperationException("The lease could not be renewed before a create call."));
        }

        await SaveAsync(Operation, ct).ConfigureAwait(false);
    }

    /// <summary>Saves the step at <paramref name="index"/> changed by <paramref name="change"/>, and the operation's state when given.</summary>
    public Task UpdateStepAsync(int index, Func<OperationStep, OperationStep> change, CancellationToken ct, OperationState? state = null)
    {
        var steps = Operation.Steps.ToArray();
        steps[index] = change(steps[index]);
        return SaveAsync(Operation with { Steps = steps, State = state ?? Operation.State }, ct);
    }
}
