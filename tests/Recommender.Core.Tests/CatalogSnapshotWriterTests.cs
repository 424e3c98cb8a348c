using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

public sealed class CatalogSnapshotWriterTests
{
    [Fact]
    public async Task Export_of_the_current_snapshot_reads_back_identically()
    {
        var catalog = new InProcessCatalog(new InMemoryCatalogStore());
        var beijing = TestCatalogs.Region("cn-beijing", 4, typeCount: 6, source: CatalogSource.Live);
        var hangzhou = TestCatalogs.Region("cn-hangzhou", 9, typeCount: 2);
        var withEverything = new RegionCatalog(TestCatalogs.Provider, new Region("cn-shanghai", "Shanghai", [new Zone("cn-shanghai-a", "A")]),
            "CNY", CatalogSource.Snapshot, TestCatalogs.Epoch, 2, [TestCatalogs.FullyPopulatedOffering("cn-shanghai-a")]);
        foreach (var region in new[] { hangzhou, beijing, withEverything })
        {
            await catalog.PublishAsync(region, CancellationToken.None);
        }

        var document = CatalogSnapshotWriter.ToDocument(catalog.Current, TestCatalogs.Epoch.AddDays(3), "export");
        using var file = new MemoryStream();
        await CatalogSnapshotWriter.WriteAsync(file, document, CancellationToken.None);
        var text = System.Text.Encoding.UTF8.GetString(file.ToArray());
        file.Position = 0;
        var back = await CatalogSnapshotReader.ReadAsync(file, CancellationToken.None);

        Assert.Contains("\n  \"providers\": [", text, StringComparison.Ordinal);
        Assert.Equal(TestCatalogs.Epoch.AddDays(3), back.GeneratedAt);
        Assert.Equal([KnownProviders.Alibaba], back.Providers);
        Assert.Equal(
            catalog.Current.Regions.Select(r => Convert.ToBase64String(CatalogJson.SerializeRegion(r))),
            back.Regions.Select(r => Convert.ToBase64String(CatalogJson.SerializeRegion(r))));
    }
}
