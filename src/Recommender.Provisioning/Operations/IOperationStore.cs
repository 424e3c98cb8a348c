namespace Recommender.Provisioning.Operations;

/// <summary>
/// The durable record of provisioning operations, shared by every replica. Reads and lists name the organisation and
/// only ever see its operations: another organisation's id is simply not found. Writes are compare-and-set on
/// <see cref="ProvisioningOperation.Version"/>; work is handed out by leases that the holder renews, so an operation
/// whose replica died is finished by the restarted one or by another replica once the lease runs out. Times are kept in
/// UTC to the microsecond (finer parts are dropped). Stores take no clock: callers pass the times.
/// </summary>
public interface IOperationStore
{
    /// <summary>
    /// Prepares the store (creates the schema when missing). Idempotent and safe to run from several replicas at once;
    /// every other method does it on first use, so calling it at start only moves the cost and any failure there.
    /// </summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>
    /// Stores a new operation at version 1 with no lease (its <see cref="ProvisioningOperation.Version"/> and lease are
    /// ignored) and returns it as stored. When the organisation already has an operation with the same
    /// <see cref="ProvisioningOperation.IdempotencyKey"/>, nothing is stored and that operation is returned, atomically
    /// even under concurrent calls (compare the ids to tell); if that one's kind, credentials or input (as JSON, so
    /// formatting aside) differ, <see cref="Core.Errors.ConflictException"/> (kind <c>idempotencyKey</c>). Also a
    /// ConflictException when the id is taken. <see cref="Core.Errors.ValidationException"/> when the input or a step
    /// output is not JSON, or the credentials belong to another organisation or to the service.
    /// </summary>
    Task<ProvisioningOperation> CreateAsync(ProvisioningOperation operation, CancellationToken ct);

    /// <summary>The operation, or null when the organisation has none with that id.</summary>
    Task<ProvisioningOperation?> GetAsync(string organization, string id, CancellationToken ct);

    /// <summary>
    /// The organisation's operations matching <paramref name="query"/>, newest first (by creation time, then id),
    /// one page at a time. <see cref="Core.Errors.ValidationException"/> for a limit outside 1..<see cref="OperationQuery.MaxLimit"/>
    /// or a cursor this store did not make.
    /// </summary>
    Task<OperationPage> ListAsync(string organization, OperationQuery query, CancellationToken ct);

    /// <summary>
    /// The organisations whose operations' steps name the ACK cluster <paramref name="clusterId"/>, oldest first
    /// (normally one: the organisation that created it). The only read across organisations: it answers "whose cluster
    /// is this?" so a caller naming a cluster the service created can be held to that organisation's membership.
    /// Indexed; empty for a cluster no operation names.
    /// </summary>
    Task<IReadOnlyList<string>> FindClusterOrganizationsAsync(string clusterId, CancellationToken ct);

    /// <summary>
    /// Writes the operation's state, steps and <see cref="ProvisioningOperation.UpdatedAt"/> if it is still at
    /// <paramref name="expectedVersion"/> (compare-and-set) and returns it as stored, one version on. The rest (kind,
    /// key, credentials, input, creation time, lease) never changes here. <see cref="Core.Errors.ConflictException"/>
    /// with the current version when another write (a save, or a claim by another replica) came first;
    /// <see cref="Core.Errors.NotFoundException"/> when the organisation has no such operation.
    /// </summary>
    Task<ProvisioningOperation> SaveAsync(ProvisioningOperation operation, long expectedVersion, CancellationToken ct);

    /// <summary>
    /// Claims the oldest runnable operation of any organisation for <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="leaseDuration"/>, and returns it (one version on, updated at
    /// <paramref name="now"/>, <see cref="OperationState.Pending"/> turned <see cref="OperationState.Running"/>); null when
    /// there is none. Runnable: <see cref="OperationState.Pending"/>, <see cref="OperationState.Running"/> or
    /// <see cref="OperationState.RollingBack"/>, with no lease or one that ran out by <paramref name="now"/>. Atomic
    /// across replicas: an operation is handed to one caller only. The version bump makes the former holder's saves fail.
    /// </summary>
    Task<ProvisioningOperation?> TryClaimAsync(string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Extends <paramref name="owner"/>'s lease on the operation to <paramref name="now"/> + <paramref name="leaseDuration"/>.
    /// False when the lease was lost (another replica claimed the operation, it was released, or it does not exist):
    /// the caller must stop working on it. A lease that ran out but was not yet claimed by anyone is still renewed.
    /// Does not change the version.
    /// </summary>
    Task<bool> RenewLeaseAsync(string id, string owner, TimeSpan leaseDuration, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Gives up <paramref name="owner"/>'s lease, so a runnable operation can be claimed at once (by this replica or
    /// another); false when <paramref name="owner"/> did not hold it. Does not change the version.
    /// </summary>
    Task<bool> ReleaseAsync(string id, string owner, CancellationToken ct);
}
