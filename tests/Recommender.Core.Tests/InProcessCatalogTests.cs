using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Catalog;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

public sealed class InProcessCatalogTests
{
    private readonly FakeTimeProvider time = new(TestCatalogs.Epoch);
    private readonly InMemoryCatalogStore backing = new();
    private readonly OutageCatalogStore store;
    private readonly InProcessCatalog catalog;

    public InProcessCatalogTests()
    {
        store = new OutageCatalogStore(backing);
        catalog = new InProcessCatalog(store, time);
    }

    [Fact]
    public async Task Publish_persists_then_serves()
    {
        var region = TestCatalogs.Region("cn-hangzhou", 1);

        await catalog.PublishAsync(region, CancellationToken.None);

        Assert.Same(region, catalog.Current.Find(region.Key));
        Assert.Same(region, await backing.GetRegionAsync(region.Key, CancellationToken.None));
        Assert.Equal(StoreState.Available, catalog.StoreState);
        Assert.Equal(TestCatalogs.Epoch, catalog.LastStoreSuccessAt);
    }

    [Fact]
    public async Task Publish_during_an_outage_serves_at_once_and_persists_after_it()
    {
        await catalog.PublishAsync(TestCatalogs.Region("cn-beijing", 1), CancellationToken.None);
        store.IsDown = true;
        var during = TestCatalogs.Region("cn-hangzhou", 1);

        await catalog.PublishAsync(during, CancellationToken.None);
        await catalog.PublishAsync(TestCatalogs.Region("cn-shanghai", 1), CancellationToken.None);

        Assert.Same(during, catalog.Current.Find(during.Key));
        Assert.Equal(StoreState.Unavailable, catalog.StoreState);
        Assert.Contains("catalog store is down", catalog.LastStoreError, StringComparison.Ordinal);
        Assert.Equal(2, store.SaveCalls); // the third publish did not wait for a store known to be down
        Assert.False(await catalog.SyncWithStoreAsync(CancellationToken.None));

        store.IsDown = false;
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await catalog.SyncWithStoreAsync(CancellationToken.None));

        Assert.Same(during, await backing.GetRegionAsync(during.Key, CancellationToken.None));
        Assert.Equal(3, (await backing.ListRegionsAsync(CancellationToken.None)).Count);
        Assert.Equal(StoreState.Available, catalog.StoreState);
        Assert.Null(catalog.LastStoreError);
        Assert.Equal(TestCatalogs.Epoch.AddMinutes(1), catalog.LastStoreSuccessAt);
    }

    [Fact]
    public async Task Sync_adopts_newer_regions_from_the_store_and_ignores_older_ones()
    {
        await catalog.PublishAsync(TestCatalogs.Region("cn-hangzhou", 5), CancellationToken.None);
        var fromAnotherReplica = TestCatalogs.Region("cn-beijing", 3);
        await backing.SaveRegionAsync(fromAnotherReplica, CancellationToken.None);

        await catalog.SyncWithStoreAsync(CancellationToken.None);
        Assert.Same(fromAnotherReplica, catalog.Current.Find(fromAnotherReplica.Key));

        var newer = TestCatalogs.Region("cn-beijing", 4);
        await backing.SaveRegionAsync(newer, CancellationToken.None);
        await catalog.SyncWithStoreAsync(CancellationToken.None);
        Assert.Same(newer, catalog.Current.Find(newer.Key));
        Assert.Equal(5, catalog.Current.Find(TestCatalogs.Key("cn-hangzhou"))!.Version);
    }

    [Fact]
    public async Task A_region_published_during_an_outage_yields_to_a_newer_one_written_meanwhile()
    {
        store.IsDown = true;
        await catalog.PublishAsync(TestCatalogs.Region("cn-hangzhou", 2), CancellationToken.None);
        var newer = TestCatalogs.Region("cn-hangzhou", 3);
        await backing.SaveRegionAsync(newer, CancellationToken.None);
        store.IsDown = false;

        await catalog.SyncWithStoreAsync(CancellationToken.None);

        Assert.Same(newer, catalog.Current.Find(newer.Key));
        Assert.Same(newer, await backing.GetRegionAsync(newer.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Publishing_behind_another_writer_keeps_its_newer_version_and_adopts_it_on_sync()
    {
        var newer = TestCatalogs.Region("cn-hangzhou", 5);
        await backing.SaveRegionAsync(newer, CancellationToken.None); // another replica got there first

        await catalog.PublishAsync(TestCatalogs.Region("cn-hangzhou", 4), CancellationToken.None);

        Assert.Same(newer, await backing.GetRegionAsync(newer.Key, CancellationToken.None));
        Assert.True(await catalog.SyncWithStoreAsync(CancellationToken.None));
        Assert.Equal(5, catalog.Current.Find(newer.Key)!.Version);
    }

    [Fact]
    public async Task A_store_holding_an_older_version_gets_the_newer_one()
    {
        var newer = TestCatalogs.Region("cn-hangzhou", 4);
        await catalog.PublishAsync(newer, CancellationToken.None);
        // E.g. a slow replica's write of version 3 landed after ours.
        await backing.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", 3), CancellationToken.None);

        await catalog.SyncWithStoreAsync(CancellationToken.None);

        Assert.Same(newer, await backing.GetRegionAsync(newer.Key, CancellationToken.None));
        Assert.Same(newer, catalog.Current.Find(newer.Key));
    }

    [Fact]
    public async Task A_store_that_lost_its_data_gets_it_back()
    {
        var region = TestCatalogs.Region("cn-hangzhou", 2);
        await catalog.PublishAsync(region, CancellationToken.None);
        var restartedEmpty = new InMemoryCatalogStore();
        store.Inner = restartedEmpty;

        await catalog.SyncWithStoreAsync(CancellationToken.None);

        Assert.Same(region, await restartedEmpty.GetRegionAsync(region.Key, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_publish_changes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => catalog.PublishAsync(TestCatalogs.Region("cn-hangzhou", 1), cancelled.Token));

        Assert.True(catalog.Current.IsEmpty);
        Assert.Equal(StoreState.Available, catalog.StoreState);
    }
}
