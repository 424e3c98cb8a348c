using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>
/// A replica that dies at its <c>crashAtSave</c>-th save: that save is not written (the process died before it reached
/// the database) and from then on every call fails, release included, so the lease stays until it runs out, as after a
/// kill. <see cref="Died"/> completes at that moment.
/// </summary>
public sealed class CrashingOperationStore(IOperationStore inner, int crashAtSave) : IOperationStore
{
    private readonly TaskCompletionSource died = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int saves;

    public Task Died => died.Task;

    public bool IsDead => died.Task.IsCompleted;

    public Task InitializeAsync(CancellationToken ct) => Alive(() => inner.InitializeAsync(ct));

    public Task<ProvisioningOperation> CreateAsync(ProvisioningOperation operation, CancellationToken ct) => Alive(() => inner.CreateAsync(operation, ct));

    public Task<ProvisioningOperation?> GetAsync(string organization, string id, CancellationToken ct) => Alive(() => inner.GetAsync(organization, id, ct));

    public Task<OperationPage> ListAsync(string organization, OperationQuery query, CancellationToken ct) => Alive(() => inner.ListAsync(organization, query, ct));

    public Task<IReadOnlyList<string>> FindClusterOrganizationsAsync(string clusterId, CancellationToken ct) =>
        Alive(() => inner.FindClusterOrganizationsAsync(clusterId, ct));

    public Task<ProvisioningOperation> SaveAsync(ProvisioningOperation operation, long expectedVersion, CancellationToken ct)
    {
        if (Interlocked.Increment(ref saves) == crashAtSave)
        {
            died.TrySetResult();
        }

        return Alive(() => inner.SaveAsync(operation, expectedVersion, ct));
    }

    public Task<ProvisioningOperation?> TryClaimAsync(string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct) =>
        Alive(() => inner.TryClaimAsync(owner, leaseDuration, now, ct));

    public Task<bool> RenewLeaseAsync(string id, string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct) =>
        Alive(() => inner.RenewLeaseAsync(id, owner, leaseDuration, now, ct));

    public Task<bool> ReleaseAsync(string id, string owner, CancellationToken ct) => Alive(() => inner.ReleaseAsync(id, owner, ct));

    private Task<T> Alive<T>(Func<Task<T>> call) => IsDead ? Task.FromException<T>(new IOException("The replica was killed (injected).")) : call();

    private Task Alive(Func<Task> call) => IsDead ? Task.FromException(new IOException("The replica was killed (injected).")) : call();
}
