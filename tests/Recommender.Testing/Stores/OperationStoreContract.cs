using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>
/// The behaviour every <see cref="IOperationStore"/> must have: idempotent creates per organisation, organisations
/// isolated, compare-and-set saves, leases handed to one replica at a time, listings paged newest first, and every
/// field kept exactly. A concrete suite derives from this class and says how to make an empty store, and a second store
/// over the same data (another replica, or the same one restarted). Split by theme over the partial files beside this one.
/// </summary>
public abstract partial class OperationStoreContract
{
    protected static readonly CancellationToken None = CancellationToken.None;

    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>A store holding nothing, isolated from every other test's store. The suite disposes it.</summary>
    protected abstract Task<IOperationStore> CreateStoreAsync();

    /// <summary>A second store over the data of the last one <see cref="CreateStoreAsync"/> made, sharing nothing in memory with it.</summary>
    protected abstract Task<IOperationStore> OpenSameDataAsync();

    [Fact]
    public async Task A_created_operation_reads_back_whole_at_version_one()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var operation = TestOperations.Operation(organization, "key-1");

        var created = await store.CreateAsync(operation with { Version = 42, LeaseOwner = "someone", LeaseExpiresAt = TestOperations.Start }, None);

        var expected = operation with { Version = 1 };
        AssertSame(expected, created);
        AssertSame(expected, await store.GetAsync(organization, operation.Id, None));
        Assert.Equal(OperationState.Pending, created.State);
        Assert.Null(created.LeaseOwner);
        Assert.Null(created.LeaseExpiresAt);
        Assert.Equal(TestOperations.Credentials(organization), created.Credentials);
    }

    [Fact]
    public async Task The_same_key_again_returns_the_first_operation()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var first = await store.CreateAsync(TestOperations.Operation(organization, "key-1", input: """{"a":1,"b":[1,2]}"""), None);

        // Another id and creation time, the same request formatted differently: the first operation, unchanged.
        var again = await store.CreateAsync(
            TestOperations.Operation(organization, "key-1", input: """{ "b": [1, 2], "a": 1 }""", createdAt: TestOperations.Start.AddMinutes(5)),
            None);

        AssertSame(first, again);
        Assert.Single((await store.ListAsync(organization, new OperationQuery(), None)).Items);
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_a_conflict_and_stores_nothing()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var first = await store.CreateAsync(TestOperations.Operation(organization, "key-1", input: """{"count":3}"""), None);

        var otherInput = await Assert.ThrowsAsync<ConflictException>(
            () => store.CreateAsync(TestOperations.Operation(organization, "key-1", input: """{"count":4}"""), None));
        var otherKind = await Assert.ThrowsAsync<ConflictException>(
            () => store.CreateAsync(TestOperations.Operation(organization, "key-1", OperationKind.DeleteCluster, """{"count":3}"""), None));

        Assert.Equal("idempotencyKey", otherInput.Kind);
        Assert.Equal("key-1", otherInput.Id);
        Assert.Contains(first.Id, otherInput.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.Conflict, otherKind.Code);
        AssertSame(first, Assert.Single((await store.ListAsync(organization, new OperationQuery(), None)).Items));
    }

    [Fact]
    public async Task Twenty_concurrent_creates_with_one_key_make_one_operation()
    {
        var store = await CreateStoreAsync();
        var replica = await OpenSameDataAsync();
        var organization = TestOperations.NewOrganization();
        var attempts = Enumerable.Range(0, 20)
            .Select(i => TestOperations.Operation(organization, "retried-key", createdAt: TestOperations.Start.AddSeconds(i)))
            .ToList();

        var results = await Task.WhenAll(attempts.Select((operation, i) =>
            Task.Run(() => (i % 2 == 0 ? store : replica).CreateAsync(operation, None))));

        var winner = Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Contains(winner, attempts.Select(a => a.Id));
        Assert.All(results, r => Assert.Equal(1, r.Version));
        Assert.Equal(winner, Assert.Single((await store.ListAsync(organization, new OperationQuery(), None)).Items).Id);
    }

    [Fact]
    public async Task Keys_are_per_organisation_and_operations_without_a_key_are_never_merged()
    {
        var store = await CreateStoreAsync();
        var alpha = TestOperations.NewOrganization("alpha");
        var beta = TestOperations.NewOrganization("beta");

        var a = await store.CreateAsync(TestOperations.Operation(alpha, "shared-key"), None);
        var b = await store.CreateAsync(TestOperations.Operation(beta, "shared-key"), None);
        var unkeyed1 = await store.CreateAsync(TestOperations.Operation(alpha), None);
        var unkeyed2 = await store.CreateAsync(TestOperations.Operation(alpha), None);

        Assert.Equal(4, new[] { a.Id, b.Id, unkeyed1.Id, unkeyed2.Id }.Distinct().Count());
        Assert.Equal(3, (await store.ListAsync(alpha, new OperationQuery(), None)).Items.Count);
        Assert.Equal(b.Id, Assert.Single((await store.ListAsync(beta, new OperationQuery(), None)).Items).Id);
    }

    [Fact]
    public async Task A_taken_id_is_a_conflict()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var first = await store.CreateAsync(TestOperations.Operation(organization), None);

        var conflict = await Assert.ThrowsAsync<ConflictException>(
            () => store.CreateAsync(TestOperations.Operation(organization, "new-key") with { Id = first.Id }, None));

        Assert.Equal("operation", conflict.Kind);
        Assert.Null((await store.ListAsync(organization, new OperationQuery(), None)).Items.SingleOrDefault(o => o.IdempotencyKey == "new-key"));
    }

    [Fact]
    public async Task Another_organisations_operation_is_simply_not_found()
    {
        var store = await CreateStoreAsync();
        var owner = TestOperations.NewOrganization("owner");
        var intruder = TestOperations.NewOrganization("intruder");
        var operation = await store.CreateAsync(TestOperations.Operation(owner, "k"), None);

        Assert.Null(await store.GetAsync(intruder, operation.Id, None));
        Assert.Empty((await store.ListAsync(intruder, new OperationQuery(), None)).Items);
        await Assert.ThrowsAsync<NotFoundException>(
            () => store.SaveAsync(operation with { Organization = intruder, State = OperationState.Cancelled }, 1, None));
        Assert.Null(await store.GetAsync(owner, "no-such-operation", None));

        AssertSame(operation, await store.GetAsync(owner, operation.Id, None));
    }

    [Fact]
    public async Task Invalid_requests_are_refused_before_anything_is_stored()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var other = TestOperations.NewOrganization("other");

        Assert.Equal("input", (await Assert.ThrowsAsync<ValidationException>(
            () => store.CreateAsync(TestOperations.Operation(organization, input: "{not json"), None))).Argument);
        Assert.Equal("credentials", (await Assert.ThrowsAsync<ValidationException>(
            () => store.CreateAsync(TestOperations.Operation(organization) with { Credentials = TestOperations.Credentials(other) }, None))).Argument);
        Assert.Equal("steps[0].output", (await Assert.ThrowsAsync<ValidationException>(
            () => store.CreateAsync(TestOperations.Operation(organization, steps: [new() { Name = "x", Output = "<xml/>" }]), None))).Argument);

        Assert.Empty((await store.ListAsync(organization, new OperationQuery(), None)).Items);
    }

    /// <summary>Equal in every field a store keeps, steps compared one by one.</summary>
    protected static void AssertSame(ProvisioningOperation expected, ProvisioningOperation? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Organization, actual.Organization);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.IdempotencyKey, actual.IdempotencyKey);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Credentials, actual.Credentials);
        Assert.Equal(expected.Input, actual.Input);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.LeaseOwner, actual.LeaseOwner);
        Assert.Equal(expected.LeaseExpiresAt, actual.LeaseExpiresAt);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(TimeSpan.Zero, actual.CreatedAt.Offset);
    }
}
