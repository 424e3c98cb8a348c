using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>Claims, leases and hand-over between replicas. The clock is passed in: no test sleeps.</summary>
public abstract partial class OperationStoreContract
{
    [Fact]
    public async Task A_claim_takes_the_oldest_runnable_operation_and_marks_it_running()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var t = TestOperations.Start;
        var done = await store.CreateAsync(TestOperations.Operation(organization, createdAt: t.AddSeconds(-30)), None);
        await store.SaveAsync(done with { State = OperationState.Succeeded }, 1, None);
        var failed = await store.CreateAsync(TestOperations.Operation(organization, createdAt: t.AddSeconds(-20)), None);
        await store.SaveAsync(failed with { State = OperationState.Failed }, 1, None);
        var oldest = await store.CreateAsync(TestOperations.Operation(TestOperations.NewOrganization(), createdAt: t.AddSeconds(-10)), None);
        var newer = await store.CreateAsync(TestOperations.Operation(organization, createdAt: t), None);
        var now = t.AddMinutes(1);

        var claimed = await store.TryClaimAsync("replica-a", Lease, now, None);

        AssertSame(oldest with
        {
            State = OperationState.Running,
            Version = 2,
            UpdatedAt = now,
            LeaseOwner = "replica-a",
            LeaseExpiresAt = now + Lease,
        }, claimed);
        AssertSame(claimed!, await store.GetAsync(oldest.Organization, oldest.Id, None));
        Assert.Equal(newer.Id, (await store.TryClaimAsync("replica-a", Lease, now, None))?.Id);
        Assert.Null(await store.TryClaimAsync("replica-a", Lease, now, None));
    }

    [Fact]
    public async Task Claims_racing_from_two_replicas_hand_each_operation_out_once()
    {
        var replicaA = await CreateStoreAsync();
        var replicaB = await OpenSameDataAsync();
        var organization = TestOperations.NewOrganization();
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await replicaA.CreateAsync(TestOperations.Operation(organization, createdAt: TestOperations.Start.AddSeconds(i)), None)).Id);
        }

        var now = TestOperations.Start.AddMinutes(1);
        var claims = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var (store, owner) = i % 2 == 0 ? (replicaA, "replica-a") : (replicaB, "replica-b");
            return (Owner: owner, Claimed: await store.TryClaimAsync(owner, Lease, now, None));
        })));

        var won = claims.Where(c => c.Claimed is not null).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), won.Select(c => c.Claimed!.Id).Order(StringComparer.Ordinal));
        foreach (var (owner, claimed) in won)
        {
            Assert.Equal(owner, claimed!.LeaseOwner);
            Assert.Equal(owner, (await replicaA.GetAsync(organization, claimed.Id, None))!.LeaseOwner);
            Assert.Equal(2, claimed.Version);
        }
    }

    [Fact]
    public async Task An_expired_lease_lets_another_replica_take_over_and_the_former_holder_loses_it()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization), None);
        var t = TestOperations.Start.AddMinutes(1);
        var byA = await store.TryClaimAsync("replica-a", Lease, t, None);

        Assert.Null(await store.TryClaimAsync("replica-b", Lease, t + Lease - TimeSpan.FromMilliseconds(1), None));
        var byB = await store.TryClaimAsync("replica-b", Lease, t + Lease, None);

        Assert.Equal(created.Id, byB?.Id);
        Assert.Equal(OperationState.Running, byB!.State);
        Assert.Equal(3, byB.Version);
        Assert.Equal("replica-b", byB.LeaseOwner);
        // The former holder's writes and lease calls fail; the new holder's work.
        await Assert.ThrowsAsync<ConflictException>(() => store.SaveAsync(byA! with { State = OperationState.Succeeded }, byA.Version, None));
        Assert.False(await store.RenewLeaseAsync(created.Id, "replica-a", Lease, t + Lease, None));
        Assert.False(await store.ReleaseAsync(created.Id, "replica-a", None));
        Assert.True(await store.RenewLeaseAsync(created.Id, "replica-b", Lease, t + Lease + TimeSpan.FromSeconds(10), None));
        var saved = await store.SaveAsync(byB with { State = OperationState.Succeeded }, byB.Version, None);
        Assert.Equal("replica-b", saved.LeaseOwner);
        Assert.Equal(t + Lease + TimeSpan.FromSeconds(10) + Lease, saved.LeaseExpiresAt);
    }

    [Fact]
    public async Task Renewing_keeps_the_operation_and_does_not_change_its_version()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        await store.CreateAsync(TestOperations.Operation(organization), None);
        var t = TestOperations.Start;
        var claimed = await store.TryClaimAsync("replica-a", Lease, t, None);

        Assert.True(await store.RenewLeaseAsync(claimed!.Id, "replica-a", Lease, t.AddSeconds(20), None));

        Assert.Null(await store.TryClaimAsync("replica-b", Lease, t.AddSeconds(49), None));
        var read = await store.GetAsync(organization, claimed.Id, None);
        Assert.Equal(t.AddSeconds(50), read!.LeaseExpiresAt);
        Assert.Equal(claimed.Version, read.Version);
        // A lease that ran out but that nobody took is still the holder's to renew.
        Assert.True(await store.RenewLeaseAsync(claimed.Id, "replica-a", Lease, t.AddSeconds(60), None));
        Assert.Null(await store.TryClaimAsync("replica-b", Lease, t.AddSeconds(61), None));
        Assert.Equal(claimed.Version + 1, (await store.SaveAsync(claimed with { State = OperationState.Succeeded }, claimed.Version, None)).Version);
        Assert.False(await store.RenewLeaseAsync("no-such-operation", "replica-a", Lease, t, None));
    }

    [Fact]
    public async Task A_released_operation_can_be_claimed_at_once()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization), None);
        var t = TestOperations.Start;
        var claimed = await store.TryClaimAsync("replica-a", Lease, t, None);

        Assert.False(await store.ReleaseAsync(created.Id, "replica-b", None));
        Assert.True(await store.ReleaseAsync(created.Id, "replica-a", None));

        var read = await store.GetAsync(organization, created.Id, None);
        Assert.Null(read!.LeaseOwner);
        Assert.Null(read.LeaseExpiresAt);
        Assert.Equal(claimed!.Version, read.Version);
        var again = await store.TryClaimAsync("replica-b", Lease, t.AddSeconds(1), None);
        Assert.Equal(created.Id, again?.Id);
        Assert.Equal(OperationState.Running, again!.State);
    }

    [Fact]
    public async Task Failed_waits_for_a_retry_and_a_rollback_is_claimed_as_such()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var t = TestOperations.Start;
        var created = await store.CreateAsync(TestOperations.Operation(organization), None);
        var claimed = await store.TryClaimAsync("replica-a", Lease, t, None);
        var failed = await store.SaveAsync(claimed! with { State = OperationState.Failed }, claimed.Version, None);
        Assert.True(await store.ReleaseAsync(created.Id, "replica-a", None));

        Assert.Null(await store.TryClaimAsync("replica-a", Lease, t.AddHours(1), None));

        var rollingBack = await store.SaveAsync(failed with { State = OperationState.RollingBack }, failed.Version, None);
        var rollback = await store.TryClaimAsync("replica-b", Lease, t.AddHours(1), None);
        Assert.Equal(OperationState.RollingBack, rollback?.State);
        Assert.Equal(rollingBack.Version + 1, rollback!.Version);
        var rolledBack = await store.SaveAsync(rollback with { State = OperationState.RolledBack }, rollback.Version, None);
        Assert.Null(await store.TryClaimAsync("replica-b", Lease, t.AddDays(1), None));
        Assert.Equal(OperationState.RolledBack, rolledBack.State);
    }

    [Fact]
    public async Task A_retried_operation_is_claimed_again_with_the_steps_it_had_finished()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var t = TestOperations.Start;
        await store.CreateAsync(TestOperations.Operation(organization), None);
        var claimed = await store.TryClaimAsync("replica-a", Lease, t, None);
        var failedSteps = TestOperations.FilledSteps(t);
        var failed = await store.SaveAsync(claimed! with { State = OperationState.Failed, Steps = failedSteps }, claimed.Version, None);
        await store.ReleaseAsync(failed.Id, "replica-a", None);

        // Retry from the failed step: it goes back to pending, the finished ones stay as they were.
        var retrySteps = failedSteps.Select(s => s.State == OperationStepState.Failed ? s with { State = OperationStepState.Pending } : s).ToList();
        await store.SaveAsync(failed with { State = OperationState.Pending, Steps = retrySteps }, failed.Version, None);
        var again = await store.TryClaimAsync("replica-b", Lease, t.AddHours(1), None);

        Assert.Equal(failed.Id, again?.Id);
        Assert.Equal(OperationState.Running, again!.State);
        Assert.Equal(retrySteps, again.Steps);
        Assert.Equal(3, again.Steps[1].Attempts);
    }

    [Fact]
    public async Task A_cancelled_call_throws_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization), None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CreateAsync(TestOperations.Operation(organization), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryClaimAsync("replica-a", Lease, TestOperations.Start, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.SaveAsync(created with { State = OperationState.Cancelled }, 1, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(organization, new OperationQuery(), cancelled.Token));

        AssertSame(created, Assert.Single((await store.ListAsync(organization, new OperationQuery(), None)).Items));
    }
}
