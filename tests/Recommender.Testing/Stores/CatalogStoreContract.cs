using System.Diagnostics;
using Recommender.Core.Catalog;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>
/// The behaviour every <see cref="ICatalogStore"/> must have. A concrete suite derives from this class and says how
/// to make an empty store; each test gets its own.
/// </summary>
public abstract class CatalogStoreContract
{
    /// <summary>A store holding nothing, isolated from every other test's store.</summary>
    protected abstract ICatalogStore CreateStore();

    [Fact]
    public async Task Saved_region_reads_back_whole()
    {
        var store = CreateStore();
        var region = TestCatalogs.Region("cn-hangzhou", version: 7, typeCount: 5);

        await store.SaveRegionAsync(region, CancellationToken.None);
        var read = await store.GetRegionAsync(region.Key, CancellationToken.None);

        Assert.NotNull(read);
        AssertSameRegion(region, read);
    }

    [Fact]
    public async Task Missing_region_reads_as_null()
    {
        var store = CreateStore();
        await store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", 1), CancellationToken.None);

        Assert.Null(await store.GetRegionAsync(TestCatalogs.Key("cn-beijing"), CancellationToken.None));
        Assert.Null(await store.GetRegionAsync(new RegionKey("other", "cn-hangzhou"), CancellationToken.None));
    }

    [Fact]
    public async Task Saving_again_replaces_the_region()
    {
        var store = CreateStore();
        await store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", version: 1, typeCount: 4), CancellationToken.None);
        var second = TestCatalogs.Region("cn-hangzhou", version: 2, typeCount: 2);

        await store.SaveRegionAsync(second, CancellationToken.None);

        AssertSameRegion(second, (await store.GetRegionAsync(second.Key, CancellationToken.None))!);
        var listed = Assert.Single(await store.ListRegionsAsync(CancellationToken.None));
        Assert.Equal(2, listed.Version);
    }

    [Fact]
    public async Task An_older_version_never_replaces_a_newer_one()
    {
        var store = CreateStore();
        var newer = TestCatalogs.Region("cn-hangzhou", version: 5, typeCount: 2);
        Assert.True(await store.SaveRegionAsync(newer, CancellationToken.None));

        Assert.False(await store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", version: 4, typeCount: 4), CancellationToken.None));

        AssertSameRegion(newer, (await store.GetRegionAsync(newer.Key, CancellationToken.None))!);
        Assert.Equal(5, Assert.Single(await store.ListRegionsAsync(CancellationToken.None)).Version);
        Assert.True(await store.SaveRegionAsync(newer, CancellationToken.None)); // the same version again is fine
    }

    [Fact]
    public async Task Racing_writers_leave_the_newest_version()
    {
        var store = CreateStore();
        var versions = Enumerable.Range(1, 40).Select(v => TestCatalogs.Region("cn-hangzhou", version: v, typeCount: 1 + (v % 3))).ToList();

        await Task.WhenAll(versions.OrderBy(r => (r.Version * 7919) % 41).Select(r => Task.Run(() => store.SaveRegionAsync(r, CancellationToken.None))));

        AssertSameRegion(versions[^1], (await store.GetRegionAsync(versions[^1].Key, CancellationToken.None))!);
        Assert.Equal(40, Assert.Single(await store.ListRegionsAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task Lists_the_version_of_every_region()
    {
        var store = CreateStore();
        Assert.Empty(await store.ListRegionsAsync(CancellationToken.None));
        var hangzhou = TestCatalogs.Region("cn-hangzhou", 3);
        var beijing = TestCatalogs.Region("cn-beijing", 5, updatedAt: new DateTimeOffset(2026, 10, 1, 8, 30, 0, TimeSpan.FromHours(8)));
        await store.SaveRegionAsync(hangzhou, CancellationToken.None);
        await store.SaveRegionAsync(beijing, CancellationToken.None);

        var listed = (await store.ListRegionsAsync(CancellationToken.None)).OrderBy(v => v.Key.Region, StringComparer.Ordinal).ToList();

        Assert.Equal(
            [new RegionVersion(beijing.Key, 5, beijing.UpdatedAt), new RegionVersion(hangzhou.Key, 3, hangzhou.UpdatedAt)],
            listed);
        Assert.Equal(TimeSpan.FromHours(8), listed[0].UpdatedAt.Offset);
    }

    [Fact]
    public async Task A_cancelled_call_throws_and_writes_nothing()
    {
        var store = CreateStore();
        var first = TestCatalogs.Region("cn-hangzhou", 1);
        await store.SaveRegionAsync(first, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.SaveRegionAsync(TestCatalogs.Region("cn-hangzhou", 2), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetRegionAsync(first.Key, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListRegionsAsync(cancelled.Token));

        Assert.Equal(1, (await store.GetRegionAsync(first.Key, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Concurrent_readers_only_ever_see_one_complete_version()
    {
        var store = CreateStore();
        // Versions 1..200 of alternating sizes (40 and 25 types), written in order while readers read.
        var versions = Enumerable.Range(0, 201).Select(v => TestCatalogs.Region("cn-hangzhou", v, typeCount: v % 2 == 1 ? 40 : 25)).ToList();
        var key = versions[1].Key;
        await store.SaveRegionAsync(versions[1], CancellationToken.None);
        using var writing = new CancellationTokenSource();
        var observed = 0L; // newest version any reader has read: the writer waits for it, so reads interleave

        var writer = Task.Run(async () =>
        {
            try
            {
                for (var v = 2; v <= 200; v++)
                {
                    Assert.True(await store.SaveRegionAsync(versions[v], CancellationToken.None));
                    var waited = Stopwatch.StartNew();
                    while (Interlocked.Read(ref observed) < v && waited.ElapsedMilliseconds < 1_000)
                    {
                        await Task.Yield();
                    }
                }
            }
            finally
            {
                await writing.CancelAsync();
            }
        });
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var seen = new HashSet<long>();
            var last = 0L;
            do
            {
                var read = await store.GetRegionAsync(key, CancellationToken.None);
                Assert.NotNull(read);
                AssertSameRegion(versions[(int)read.Version], read);
                Assert.True(read.Version >= last, $"read version {read.Version} after {last}");
                last = read.Version;
                seen.Add(read.Version);
                for (var known = Interlocked.Read(ref observed); known < last; known = Interlocked.Read(ref observed))
                {
                    Interlocked.CompareExchange(ref observed, last, known);
                }

                await Task.Yield(); // busy readers must not starve the writer of pool threads
            }
            while (!writing.IsCancellationRequested);

            return seen;
        })).ToList();

        await writer;
        var seenByReaders = (await Task.WhenAll(readers)).SelectMany(s => s).ToHashSet();

        Assert.Contains(seenByReaders, v => v % 2 == 1);
        Assert.Contains(seenByReaders, v => v % 2 == 0);
        AssertSameRegion(versions[200], (await store.GetRegionAsync(key, CancellationToken.None))!);
    }

    /// <summary>Equal in every field a store must keep, compared through each offering.</summary>
    protected static void AssertSameRegion(RegionCatalog expected, RegionCatalog actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.Currency, actual.Currency);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Region.Name, actual.Region.Name);
        Assert.Equal(expected.Region.Zones, actual.Region.Zones);
        Assert.Equal(expected.InstanceTypes.Count, actual.InstanceTypes.Count);
        for (var i = 0; i < expected.InstanceTypes.Count; i++)
        {
            var e = expected.InstanceTypes[i];
            var a = actual.InstanceTypes[i];
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.OnDemandPrice, a.OnDemandPrice);
            Assert.Equal(e.SpotPrices, a.SpotPrices);
            Assert.Equal(e.Availability, a.Availability);
        }
    }
}
