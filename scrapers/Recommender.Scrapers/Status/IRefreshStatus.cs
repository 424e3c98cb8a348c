using Recommender.Core.Catalog;

namespace Recommender.Scrapers.Status;

/// <summary>Read side of the scrapers' state, for <c>catalogStatus</c>, health checks and metrics.</summary>
public interface IRefreshStatus
{
    ScraperState State { get; }

    IReadOnlyList<ProviderDiscoveryStatus> GetProviders();

    /// <summary>Every region discovered or refreshed so far, ordered by provider then region.</summary>
    IReadOnlyList<RegionRefreshStatus> GetRegions();

    RegionRefreshStatus? Find(RegionKey key);
}
