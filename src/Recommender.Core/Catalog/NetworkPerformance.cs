namespace Recommender.Core.Catalog;

/// <summary>
/// Coarse network class derived from the instance's baseline bandwidth (see <see cref="NetworkPerformanceClass"/>),
/// so that requests can say "high network" without knowing each family's figures.
/// </summary>
public enum NetworkPerformance
{
    Low,
    Moderate,
    High,
    ExtraHigh,
}
