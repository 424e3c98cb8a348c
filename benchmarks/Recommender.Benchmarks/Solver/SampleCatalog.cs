using System.Text.Json;
using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;

namespace Recommender.Benchmarks.Solver;

/// <summary>The shipped Alibaba sample: embedded in Recommender.Core when this build has it, or read from a file.</summary>
public static class SampleCatalog
{
    public const string ResourceName = "alibaba-sample.generated.json";

    /// <summary>The region of the sample with the most instance types, or null when there is no sample.</summary>
    /// <param name="path">A catalog snapshot file to read instead of the embedded resource.</param>
    public static RegionCatalog? Load(string? path = null)
    {
        using var stream = path is not null ? File.OpenRead(path) : typeof(CatalogJson).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        var document = JsonSerializer.Deserialize(stream, CatalogJson.Default.CatalogDocument);
        return document?.Regions.MaxBy(r => r.InstanceTypes.Count);
    }
}
