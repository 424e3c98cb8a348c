using System.Collections.Concurrent;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Testing.Builders;

namespace Recommender.Api.Tests.Refresh;

/// <summary>
/// Handwritten <see cref="ICloudProvider"/> named like the sample's provider, so it refreshes the sample's regions.
/// A full refresh returns <see cref="TypesPerRefresh"/> types in the region's zones; a partial one re-stamps the previous
/// catalog. Each refresh gets the next version after <see cref="FirstVersionAt"/>, so versions are known in advance.
/// </summary>
public sealed class FakeCloudProvider : ICloudProvider
{
    /// <summary>Later than the embedded sample's timestamp, so a refreshed region replaces the sample's.</summary>
    public static readonly DateTimeOffset FirstVersionAt = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    public const int ApiCallsPerRefresh = 3;

    private readonly ConcurrentQueue<(string Region, RefreshKind Kind)> calls = new();
    private int refreshes;

    public string Name => CatalogBuilder.DefaultProvider;

    /// <summary>What GetRegionsAsync lists: a sample region and one the sample lacks.</summary>
    public List<Region> Regions { get; } =
    [
        new("cn-hangzhou", "Hangzhou", [new Zone("cn-hangzhou-h", "Hangzhou H"), new Zone("cn-hangzhou-i", "Hangzhou I")]),
        new("cn-new", "New region", [new Zone("cn-new-a", "New A")]),
    ];

    /// <summary>Errors thrown by every refresh of that region id until removed.</summary>
    public ConcurrentDictionary<string, Exception> RegionErrors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> TypesPerRefresh { get; } = ["ecs.fake1.large", "ecs.fake1.xlarge", "ecs.fake2.large"];

    public IReadOnlyList<(string Region, RefreshKind Kind)> Calls => [.. calls];

    /// <summary>When set, every refresh waits for it (ignoring cancellation, like a slow API call already sent).</summary>
    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Version of the n-th successful refresh (1-based), one minute apart.</summary>
    public static long VersionOf(int refresh) => FirstVersionAt.AddMinutes(refresh).ToUnixTimeMilliseconds();

    public Task<IReadOnlyList<Region>> GetRegionsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Region>>([.. Regions]);

    public async Task<RegionRefreshResult> RefreshRegionAsync(Region region, RefreshKind kind, RegionCatalog? previous, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        calls.Enqueue((region.Id, kind));
        if (Hold is { } hold)
        {
            await hold.Task;
        }

        if (RegionErrors.TryGetValue(region.Id, out var error))
        {
            throw error;
        }

        var at = FirstVersionAt.AddMinutes(Interlocked.Increment(ref refreshes));
        var catalog = kind != RefreshKind.Full && previous is not null
            ? new RegionCatalog(previous.Provider, previous.Region, previous.Currency, CatalogSource.Live, at, at.ToUnixTimeMilliseconds(), previous.InstanceTypes)
            : CatalogBuilder.Region(
                [.. TypesPerRefresh.Select(t => InstanceTypes.New(t, InstanceTypes.InZones([.. region.Zones.Select(z => z.Id)])))],
                region: region.Id,
                zones: [.. region.Zones.Select(z => z.Id)],
                updatedAt: at,
                source: CatalogSource.Live);
        return new RegionRefreshResult(catalog, ApiCallsPerRefresh);
    }
}
