using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Snapshots;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

public sealed class CatalogLoaderTests : IDisposable
{
    private readonly InMemoryCatalogStore store = new();
    private readonly InProcessCatalog catalog;
    private readonly CatalogLoader loader;
    private readonly string directory = Directory.CreateTempSubdirectory("recommender-loader-").FullName;

    public CatalogLoaderTests()
    {
        catalog = new InProcessCatalog(store);
        loader = new CatalogLoader(catalog, new CatalogImporter(catalog));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_store_holding_regions_wins_over_the_file()
    {
        await store.SaveRegionAsync(TestCatalogs.Region("cn-shenzhen", 8), CancellationToken.None);
        var file = WriteFile("catalog.json", CatalogDocuments.Utf8(CatalogDocuments.Valid()));

        var result = await loader.LoadAsync(file, CancellationToken.None);

        Assert.Equal(new CatalogLoadResult(CatalogLoadOrigin.Store, CatalogLoader.StoreSource, 1, null), result);
        Assert.Equal(["cn-shenzhen"], catalog.Current.Regions.Select(r => r.Region.Id));
    }

    [Fact]
    public async Task An_empty_store_gets_the_file()
    {
        var file = WriteFile("catalog.json", CatalogDocuments.Utf8(CatalogDocuments.Valid()));

        var result = await loader.LoadAsync(file, CancellationToken.None);

        Assert.Equal(new CatalogLoadResult(CatalogLoadOrigin.File, file, 2, null), result);
        Assert.Equal(2, catalog.Current.Regions.Count);
        Assert.Equal(2, (await store.ListRegionsAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_malformed_file_is_reported_with_its_place_and_loads_nothing()
    {
        var file = WriteFile("bad.json", CatalogDocuments.With("regions[0].instanceTypes[2].type.vcpu", "0"));

        var result = await loader.LoadAsync(file, CancellationToken.None);

        Assert.Equal(CatalogLoadOrigin.None, result.Origin);
        Assert.Equal("$.regions[0].instanceTypes[2].type.vcpu", Assert.IsType<CatalogFormatException>(result.Error).Path);
        Assert.True(catalog.Current.IsEmpty);
        Assert.Empty(await store.ListRegionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_file_is_reported()
    {
        var result = await loader.LoadAsync(Path.Combine(directory, "absent.json"), CancellationToken.None);

        Assert.Equal(CatalogLoadOrigin.None, result.Origin);
        Assert.IsType<FileNotFoundException>(result.Error);
    }

    [Fact]
    public async Task Without_a_file_the_embedded_sample_is_loaded_when_this_build_has_one()
    {
        using var sample = EmbeddedSample.Open();

        var result = await loader.LoadAsync(null, CancellationToken.None);

        // The sample's content belongs to another component; here only the wiring is checked.
        Assert.Equal(EmbeddedSample.ResourceName, result.Source);
        Assert.Equal(sample is null ? CatalogLoadOrigin.None : CatalogLoadOrigin.Sample, result.Origin);
        Assert.Equal(result.RegionCount, catalog.Current.Regions.Count);
    }

    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
