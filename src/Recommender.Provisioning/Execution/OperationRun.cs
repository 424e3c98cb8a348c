using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// One replica's turn on a claimed operation: the version it last wrote, and compare-and-set saves from there. A save
/// that finds another version means the lease was lost (<see cref="LeaseLostException"/>), never a merge.
/// </summary>
internal sealed class OperationRun(IOperationStore store, TimeProvider time, ProvisioningOperation claimed)
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

    /// <summary>Saves the step at <paramref name="index"/> changed by <paramref name="change"/>, and the operation's state when given.</summary>
    public Task UpdateStepAsync(int index, Func<OperationStep, OperationStep> change, CancellationToken ct, OperationState? state = null)
    {
        var steps = Operation.Steps.ToArray();
        steps[index] = change(steps[index]);
        return SaveAsync(Operation with { Steps = steps, State = state ?? Operation.State }, ct);
    }
}
