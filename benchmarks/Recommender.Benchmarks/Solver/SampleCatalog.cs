using Recommender.Core.Catalog;
using Recommender.Core.Snapshots;

namespace Recommender.Benchmarks.Solver;

/// <summary>The shipped Alibaba sample (embedded in Recommender.Core), when this build has it.</summary>
public static class SampleCatalog
{
    public const string ResourceName = "alibaba-sample.generated.json";

    /// <summary>The region of the sample with the most instance types, or null when the resource is not embedded.</summary>
    public static RegionCatalog? Load()
    {
        using var stream = typeof(CatalogJson).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        var document = System.Text.Json.JsonSerializer.Deserialize(stream, CatalogJson.Default.CatalogDocument);
        return document?.Regions.MaxBy(r => r.InstanceTypes.Count);
    }
}
