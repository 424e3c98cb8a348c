using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Snapshots;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

public sealed class CatalogImporterTests
{
    private readonly InMemoryCatalogStore store = new();
    private readonly InProcessCatalog catalog;
    private readonly CatalogImporter importer;

    public CatalogImporterTests()
    {
        catalog = new InProcessCatalog(store);
        importer = new CatalogImporter(catalog);
    }

    [Fact]
    public async Task Import_publishes_every_region_to_memory_and_store()
    {
        await ImportAsync(CatalogDocuments.Utf8(CatalogDocuments.Valid()));

        Assert.Equal(["cn-beijing", "cn-hangzhou"], catalog.Current.Regions.Select(r => r.Region.Id));
        Assert.Equal(2, (await store.ListRegionsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_bad_file_after_a_good_one_changes_nothing()
    {
        await ImportAsync(CatalogDocuments.Utf8(CatalogDocuments.Valid()));
        var before = catalog.Current;
        // Region 0 of the bad file is valid and newer; region 1 is broken: not even region 0 may be published.
        var bad = TestCatalogs.Document(TestCatalogs.Region("cn-hangzhou", 2, typeCount: 3), TestCatalogs.Region("cn-beijing", 2, typeCount: 20));
        var badBytes = CatalogDocuments.With(bad, "regions[1].instanceTypes[17].onDemandPrice", "-1");

        var error = await Assert.ThrowsAsync<CatalogFormatException>(() => ImportAsync(badBytes));

        Assert.Equal("$.regions[1].instanceTypes[17].onDemandPrice", error.Path);
        Assert.Same(before, catalog.Current);
        Assert.All(await store.ListRegionsAsync(CancellationToken.None), v => Assert.Equal(1, v.Version));
    }

    private async Task ImportAsync(byte[] utf8)
    {
        using var stream = new MemoryStream(utf8);
        await importer.ImportAsync(stream, CancellationToken.None);
    }
}
