using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>The <c>filter</c> argument of <c>instanceTypes</c>. Every set criterion must hold; null means "any".</summary>
public sealed record InstanceTypeFilter
{
    public IntRange? Vcpu { get; init; }

    public FloatRange? MemoryGiB { get; init; }

    public IntRange? GpuCount { get; init; }

    public string? GpuModel { get; init; }

    public string[]? Families { get; init; }

    public InstanceCategory[]? Categories { get; init; }

    public NetworkPerformance[]? NetworkPerformance { get; init; }

    public bool? Burstable { get; init; }

    public bool? CurrentGeneration { get; init; }

    public CpuArchitecture[]? Architectures { get; init; }

    /// <summary>Offered in this zone, with or without stock.</summary>
    public string? Zone { get; init; }

    /// <summary>Offered with stock in this zone.</summary>
    public string? AvailableInZone { get; init; }

    /// <summary>Highest on-demand hourly price, inclusive.</summary>
    public decimal? MaxPrice { get; init; }
}
