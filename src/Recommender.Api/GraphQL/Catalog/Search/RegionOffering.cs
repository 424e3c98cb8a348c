using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>
/// An offering together with its region (the GraphQL <c>InstanceType</c> needs the region's currency) and the
/// pre-computed values the filter and orderings read. Built once per immutable region, never per request.
/// </summary>
public sealed class RegionOffering
{
    internal RegionOffering(RegionCatalog region, InstanceOffering offering, ulong offeredZones, ulong stockedZones)
    {
        Region = region;
        Offering = offering;
        PricePerVcpu = offering.Type.Vcpu > 0 ? decimal.Round(offering.OnDemandPrice / offering.Type.Vcpu, 6) : offering.OnDemandPrice;
        OfferedZones = offeredZones;
        StockedZones = stockedZones;
        CategoryBit = 1u << (int)offering.Type.Category;
        NetworkBit = 1u << (int)offering.Type.NetworkPerformance;
        ArchitectureBit = 1u << (int)offering.Type.Architecture;
    }

    public RegionCatalog Region { get; }

    public InstanceOffering Offering { get; }

    public InstanceType Type => Offering.Type;

    /// <summary>On-demand hourly price divided by vCPUs, rounded to 6 decimals.</summary>
    public decimal PricePerVcpu { get; }

    /// <summary>Bit i set when the region's zone i offers the type (any stock).</summary>
    internal ulong OfferedZones { get; }

    /// <summary>Bit i set when the region's zone i has stock of the type.</summary>
    internal ulong StockedZones { get; }

    internal uint CategoryBit { get; }

    internal uint NetworkBit { get; }

    internal uint ArchitectureBit { get; }
}
