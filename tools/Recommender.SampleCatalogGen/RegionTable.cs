using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// The sample's regions with their real Alibaba region and zone ids and English names. Only a subset of each
/// region's zones is listed, to keep the file small. Price factors are part of the indicative model: mainland China
/// is cheapest, Europe and the US the most expensive, as on Alibaba's international price pages.
/// </summary>
public static class RegionTable
{
    public const string Hangzhou = "cn-hangzhou";
    public const string Shanghai = "cn-shanghai";
    public const string Beijing = "cn-beijing";
    public const string Shenzhen = "cn-shenzhen";
    public const string Singapore = "ap-southeast-1";
    public const string Tokyo = "ap-northeast-1";
    public const string Frankfurt = "eu-central-1";
    public const string SiliconValley = "us-west-1";

    public static readonly IReadOnlyList<RegionSpec> All =
    [
        new(Hangzhou, "China (Hangzhou)", 1.00m, Zones(Hangzhou, "Hangzhou", "-h", "-i", "-j", "-k")),
        new(Shanghai, "China (Shanghai)", 1.00m, Zones(Shanghai, "Shanghai", "-e", "-f", "-g", "-l", "-m")),
        new(Beijing, "China (Beijing)", 1.00m, Zones(Beijing, "Beijing", "-g", "-h", "-i", "-j", "-k")),
        new(Shenzhen, "China (Shenzhen)", 1.02m, Zones(Shenzhen, "Shenzhen", "-c", "-d", "-e", "-f")),
        new(Singapore, "Singapore", 1.18m, Zones(Singapore, "Singapore", "a", "b", "c")),
        new(Tokyo, "Japan (Tokyo)", 1.28m, Zones(Tokyo, "Tokyo", "a", "b", "c")),
        new(Frankfurt, "Germany (Frankfurt)", 1.31m, Zones(Frankfurt, "Frankfurt", "a", "b")),
        new(SiliconValley, "US (Silicon Valley)", 1.24m, Zones(SiliconValley, "Silicon Valley", "a", "b")),
    ];

    /// <summary>Every region of the sample: mainstream current families.</summary>
    public static readonly IReadOnlyList<string> Everywhere = All.Select(r => r.Id).ToList();

    public static readonly IReadOnlyList<string> MainlandChina = [Hangzhou, Shanghai, Beijing, Shenzhen];

    public static readonly IReadOnlyList<string> ChinaAndSingapore = [.. MainlandChina, Singapore];

    /// <summary>Regions with a long history, where older families are still sold.</summary>
    public static readonly IReadOnlyList<string> Established = [.. MainlandChina, Singapore, SiliconValley];

    private static List<Zone> Zones(string regionId, string city, params string[] suffixes) =>
        suffixes.Select(s => new Zone(regionId + s, $"{city} Zone {char.ToUpperInvariant(s[^1])}")).ToList();
}
