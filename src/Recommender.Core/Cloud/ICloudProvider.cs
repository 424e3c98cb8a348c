using Recommender.Core.Catalog;

namespace Recommender.Core.Cloud;

/// <summary>
/// One cloud provider, as the rest of the service sees it (Karpenter's CloudProvider contract, narrowed to what is
/// built so far; provisioning adds its methods when it lands). Implementations classify vendor errors once, into
/// <see cref="Errors.RecommenderException"/> subclasses that say whether they are transient.
/// </summary>
public interface ICloudProvider
{
    /// <summary>Lower-case provider id, e.g. <c>alibaba</c>.</summary>
    string Name { get; }

    /// <summary>The provider's regions with their zones.</summary>
    Task<IReadOnlyList<Region>> GetRegionsAsync(CancellationToken ct);

    /// <summary>
    /// Builds a complete new catalog for <paramref name="region"/>. For partial kinds the parts not re-read are taken
    /// from <paramref name="previous"/>; with no previous catalog every kind behaves as <see cref="RefreshKind.Full"/>.
    /// Never returns a partial catalog: it throws instead, and the caller keeps what it had.
    /// </summary>
    Task<RegionRefreshResult> RefreshRegionAsync(Region region, RefreshKind kind, RegionCatalog? previous, CancellationToken ct);
}
