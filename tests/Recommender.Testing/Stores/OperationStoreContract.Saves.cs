using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>Compare-and-set saves, exact round trips, and durability.</summary>
public abstract partial class OperationStoreContract
{
    [Fact]
    public async Task A_save_at_the_current_version_writes_state_and_steps_and_nothing_else()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization, "k"), None);
        var at = TestOperations.Start.AddMinutes(2);
        var changed = created with
        {
            State = OperationState.Failed,
            Steps = TestOperations.FilledSteps(at),
            UpdatedAt = at,
            // Not the store's to change on a save: ignored.
            Input = """{"other":true}""",
            Kind = OperationKind.DeleteCluster,
            IdempotencyKey = "other-key",
            CreatedAt = at,
            LeaseOwner = "intruder",
        };

        var saved = await store.SaveAsync(changed, 1, None);

        var expected = created with { State = OperationState.Failed, Steps = TestOperations.FilledSteps(at), UpdatedAt = at, Version = 2 };
        AssertSame(expected, saved);
        AssertSame(expected, await store.GetAsync(organization, created.Id, None));
    }

    [Fact]
    public async Task A_save_at_a_stale_version_is_a_conflict_naming_the_current_one()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization), None);
        var current = await store.SaveAsync(created with { State = OperationState.Running }, 1, None);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => store.SaveAsync(created with { State = OperationState.Cancelled }, 1, None));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal(created.Id, conflict.Id);
        AssertSame(current, await store.GetAsync(organization, created.Id, None));
    }

    [Fact]
    public async Task Of_racing_saves_at_one_version_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var replica = await OpenSameDataAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization), None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var attempt = created with { Steps = [new() { Name = $"by-{i}" }] };
            try
            {
                return (Winner: (int?)i, Saved: (ProvisioningOperation?)await (i % 2 == 0 ? store : replica).SaveAsync(attempt, 1, None));
            }
            catch (ConflictException)
            {
                return (Winner: (int?)null, Saved: (ProvisioningOperation?)null);
            }
        })));

        var winner = Assert.Single(outcomes, o => o.Winner is not null);
        Assert.Equal(2, winner.Saved!.Version);
        Assert.Equal($"by-{winner.Winner}", Assert.Single((await store.GetAsync(organization, created.Id, None))!.Steps).Name);
    }

    [Fact]
    public async Task Steps_round_trip_exactly()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var steps = TestOperations.FilledSteps(TestOperations.Start.AddHours(1));
        var created = await store.CreateAsync(TestOperations.Operation(organization, steps: steps), None);

        var read = await store.GetAsync(organization, created.Id, None);

        Assert.Equal(steps, read!.Steps);
        Assert.Equal(steps[1].VendorMessage, read.Steps[1].VendorMessage);
        Assert.Equal(steps[0].Output, read.Steps[0].Output);
        Assert.Equal(steps[1].StartedAt!.Value.UtcTicks, read.Steps[1].StartedAt!.Value.UtcTicks);
        Assert.All(read.Steps.Where(s => s.StartedAt is not null), s => Assert.Equal(TimeSpan.Zero, s.StartedAt!.Value.Offset));
    }

    [Fact]
    public async Task Times_are_kept_in_utc_to_the_microsecond()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        // 2026-03-01 16:00:00.1234567 at +08:00: a tenth of a microsecond more than a store holds.
        var local = new DateTimeOffset(2026, 3, 1, 16, 0, 0, TimeSpan.FromHours(8)).AddTicks(1_234_567);
        var kept = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
        var operation = TestOperations.Operation(organization, createdAt: local, steps: [new() { Name = "s", StartedAt = local }]);

        var created = await store.CreateAsync(operation, None);
        var read = await store.GetAsync(organization, created.Id, None);

        foreach (var time in new[] { created.CreatedAt, created.UpdatedAt, created.Steps[0].StartedAt!.Value, read!.CreatedAt, read.Steps[0].StartedAt!.Value })
        {
            Assert.Equal(kept.UtcTicks, time.UtcTicks);
            Assert.Equal(TimeSpan.Zero, time.Offset);
        }
    }

    [Fact]
    public async Task A_one_megabyte_input_round_trips_verbatim()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var pools = Enumerable.Range(0, 17_000).Select(i => $$"""{"name":"pool-{{i}}","labels":{"team":"τεστ-{{i % 97}}"},"count":{{i}}}""");
        var input = $$"""{"clusterName":"big",  "pools":[{{string.Join(",\n ", pools)}}]}""";
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(input), 1 << 20, 2 << 20);

        var created = await store.CreateAsync(TestOperations.Operation(organization, "big", input: input), None);

        Assert.Equal(input, created.Input);
        Assert.Equal(input, (await store.GetAsync(organization, created.Id, None))!.Input);
        Assert.Equal(created.Id, (await store.CreateAsync(TestOperations.Operation(organization, "big", input: input), None)).Id);
    }

    [Fact]
    public async Task Another_store_over_the_same_data_sees_everything()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = await store.CreateAsync(TestOperations.Operation(organization, "k"), None);
        var claimed = await store.TryClaimAsync("replica-a", Lease, TestOperations.Start, None);
        var saved = await store.SaveAsync(claimed! with { Steps = TestOperations.FilledSteps(TestOperations.Start) }, claimed.Version, None);
        var finished = await store.CreateAsync(TestOperations.Operation(organization, createdAt: TestOperations.Start.AddSeconds(1)), None);
        finished = await store.SaveAsync(finished with { State = OperationState.Succeeded }, 1, None);

        var restarted = await OpenSameDataAsync();

        AssertSame(saved, await restarted.GetAsync(organization, created.Id, None));
        Assert.Equal("replica-a", saved.LeaseOwner);
        Assert.Equal(created.Id, (await restarted.CreateAsync(TestOperations.Operation(organization, "k"), None)).Id);
        var page = await restarted.ListAsync(organization, new OperationQuery(), None);
        Assert.Equal([finished.Id, created.Id], page.Items.Select(o => o.Id));
        // The lease survived the restart: nobody may claim until it runs out, then the restarted replica finishes it.
        Assert.Null(await restarted.TryClaimAsync("replica-b", Lease, TestOperations.Start.AddSeconds(29), None));
        Assert.Equal(created.Id, (await restarted.TryClaimAsync("replica-b", Lease, TestOperations.Start.Add(Lease), None))?.Id);
    }
}
