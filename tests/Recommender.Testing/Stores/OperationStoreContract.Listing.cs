using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>Listing: per organisation, newest first, filtered, paged with a cursor.</summary>
public abstract partial class OperationStoreContract
{
    [Fact]
    public async Task Lists_filter_by_state_and_kind_newest_first()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var t = TestOperations.Start;
        var create1 = await store.CreateAsync(TestOperations.Operation(organization, createdAt: t), None);
        var apply = await store.CreateAsync(TestOperations.Operation(organization, kind: OperationKind.ApplyLayout, createdAt: t.AddSeconds(1)), None);
        var create2 = await store.CreateAsync(TestOperations.Operation(organization, createdAt: t.AddSeconds(2)), None);
        var delete = await store.CreateAsync(TestOperations.Operation(organization, kind: OperationKind.DeleteCluster, createdAt: t.AddSeconds(3)), None);
        await store.SaveAsync(create2 with { State = OperationState.Failed }, 1, None);
        await store.SaveAsync(delete with { State = OperationState.Failed }, 1, None);
        await store.CreateAsync(TestOperations.Operation(TestOperations.NewOrganization()), None);

        async Task<IEnumerable<string>> IdsAsync(OperationQuery query) => (await store.ListAsync(organization, query, None)).Items.Select(o => o.Id);

        Assert.Equal([delete.Id, create2.Id, apply.Id, create1.Id], await IdsAsync(new OperationQuery()));
        Assert.Equal([delete.Id, create2.Id], await IdsAsync(new OperationQuery(State: OperationState.Failed)));
        Assert.Equal([create2.Id, create1.Id], await IdsAsync(new OperationQuery(Kind: OperationKind.CreateCluster)));
        Assert.Equal([create2.Id], await IdsAsync(new OperationQuery(OperationState.Failed, OperationKind.CreateCluster)));
        Assert.Empty(await IdsAsync(new OperationQuery(OperationState.Cancelled)));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();
        var created = new List<ProvisioningOperation>();
        for (var i = 0; i < 7; i++)
        {
            // Three share one creation time: the id breaks the tie.
            var at = TestOperations.Start.AddSeconds(i < 3 ? 0 : i);
            created.Add(await store.CreateAsync(TestOperations.Operation(organization, createdAt: at), None));
        }

        var expected = created.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id, StringComparer.Ordinal).Select(o => o.Id).ToList();
        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(organization, new OperationQuery(Limit: 3, Cursor: cursor), None);
            seen.AddRange(page.Items.Select(o => o.Id));
            cursor = page.NextCursor;
            pages++;
            Assert.True(cursor is null || page.Items.Count == 3);
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
        // A page that ends exactly at the last item says there is no next one.
        var whole = await store.ListAsync(organization, new OperationQuery(Limit: 7), None);
        Assert.Equal(expected, whole.Items.Select(o => o.Id));
        Assert.Null(whole.NextCursor);
        // Filters carry across pages.
        var first = await store.ListAsync(organization, new OperationQuery(OperationState.Pending, Limit: 6), None);
        var rest = await store.ListAsync(organization, new OperationQuery(OperationState.Pending, Limit: 6, Cursor: first.NextCursor), None);
        Assert.Equal(expected[6], Assert.Single(rest.Items).Id);
    }

    [Fact]
    public async Task A_bad_limit_or_cursor_is_refused()
    {
        var store = await CreateStoreAsync();
        var organization = TestOperations.NewOrganization();

        foreach (var limit in new[] { 0, -1, OperationQuery.MaxLimit + 1 })
        {
            Assert.Equal("limit", (await Assert.ThrowsAsync<ValidationException>(
                () => store.ListAsync(organization, new OperationQuery(Limit: limit), None))).Argument);
        }

        foreach (var cursor in new[] { "", "not a cursor!", "bm9kb3Q", "YWJjLmRlZg" })
        {
            Assert.Equal("cursor", (await Assert.ThrowsAsync<ValidationException>(
                () => store.ListAsync(organization, new OperationQuery(Cursor: cursor), None))).Argument);
        }

        Assert.Empty((await store.ListAsync(organization, new OperationQuery(Limit: OperationQuery.MaxLimit), None)).Items);
    }
}
