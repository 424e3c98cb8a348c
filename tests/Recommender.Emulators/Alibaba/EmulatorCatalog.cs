using System.Text.Json;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;

namespace Recommender.Emulators.Alibaba;

/// <summary>What the emulator sells: region catalogs in our own CatalogDocument format, turned back into ECS answers.</summary>
public sealed class EmulatorCatalog
{
    public const string SampleResourceName = "alibaba-sample.generated.json";

    public EmulatorCatalog(IEnumerable<RegionCatalog> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        Regions = regions.ToDictionary(r => r.Region.Id, StringComparer.Ordinal);
        // DescribeInstanceTypes is a global catalogue: every type sold anywhere, in a stable order.
        AllTypes = [.. Regions.Values.SelectMany(r => r.InstanceTypes).Select(o => o.Type)
            .DistinctBy(t => t.Name, StringComparer.Ordinal).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyDictionary<string, RegionCatalog> Regions { get; }

    public IReadOnlyList<InstanceType> AllTypes { get; }

    public static EmulatorCatalog FromDocument(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new EmulatorCatalog(document.Regions.Where(r => string.Equals(r.Provider, KnownProviders.Alibaba.Id, StringComparison.Ordinal)));
    }

    public static EmulatorCatalog FromFile(string path) => FromDocument(Read(File.ReadAllBytes(path)));

    /// <summary>The shipped sample (embedded in Recommender.Core), or null while the build carries none.</summary>
    public static EmulatorCatalog? TryLoadSample()
    {
        using var stream = typeof(CatalogDocument).Assembly.GetManifestResourceStream(SampleResourceName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromDocument(Read(buffer.ToArray()));
    }

    private static CatalogDocument Read(byte[] json) =>
        JsonSerializer.Deserialize(json, CatalogJson.Default.CatalogDocument) ?? throw new JsonException("The catalog document is null.");
}
