using Recommender.Provisioning.Operations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>"Whose cluster is this?": the one lookup across organisations.</summary>
public abstract partial class OperationStoreContract
{
    [Fact]
    public async Task A_cluster_named_by_a_saved_step_is_found_under_its_organisation_only()
    {
        var store = await CreateStoreAsync();
        var owner = TestOperations.NewOrganization("owner");
        var other = TestOperations.NewOrganization("other");
        var clusterId = $"c{Guid.NewGuid():N}";
        var created = await store.CreateAsync(TestOperations.Operation(owner), None);
        await store.CreateAsync(TestOperations.Operation(other), None);
        Assert.Empty(await store.FindClusterOrganizationsAsync(clusterId, None));

        var steps = created.Steps.Select(s => s.Name == "CreateCluster" ? s with { ClusterId = clusterId } : s).ToList();
        await store.SaveAsync(created with { Steps = steps, State = OperationState.Running }, 1, None);

        Assert.Equal([owner], await store.FindClusterOrganizationsAsync(clusterId, None));
        Assert.Empty(await store.FindClusterOrganizationsAsync(clusterId.ToUpperInvariant(), None));
        Assert.Empty(await store.FindClusterOrganizationsAsync(clusterId[..^1], None));
    }

    [Fact]
    public async Task A_later_save_without_the_cluster_id_does_not_forget_it()
    {
        var store = await CreateStoreAsync();
        var owner = TestOperations.NewOrganization("owner");
        var created = await store.CreateAsync(TestOperations.Operation(owner, steps: TestOperations.FilledSteps(TestOperations.Start)), None);
        var clusterId = TestOperations.FilledSteps(TestOperations.Start)[0].ClusterId!;

        await store.SaveAsync(created with { Steps = TestOperations.CreateClusterSteps() }, 1, None);

        Assert.Contains(owner, await store.FindClusterOrganizationsAsync(clusterId, None));
    }

    [Fact]
    public async Task Organisations_naming_one_cluster_come_oldest_first_and_once_each()
    {
        var store = await CreateStoreAsync();
        var clusterId = $"c{Guid.NewGuid():N}";
        IReadOnlyList<OperationStep> Naming() => [new() { Name = "CreateCluster", ClusterId = clusterId }];
        var first = TestOperations.NewOrganization("first");
        var second = TestOperations.NewOrganization("second");
        await store.CreateAsync(TestOperations.Operation(second, createdAt: TestOperations.Start.AddMinutes(5), steps: Naming()), None);
        await store.CreateAsync(TestOperations.Operation(first, createdAt: TestOperations.Start, steps: Naming()), None);
        await store.CreateAsync(TestOperations.Operation(first, createdAt: TestOperations.Start.AddMinutes(9), steps: Naming()), None);

        Assert.Equal([first, second], await store.FindClusterOrganizationsAsync(clusterId, None));
    }
}
