using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>
/// An <see cref="InstanceTypeFilter"/> validated against one region and reduced to range checks and bit masks, so the
/// scan over a region does no string work except for families and GPU model.
/// </summary>
internal sealed class OfferingPredicate
{
    private const string Prefix = "filter.";

    private readonly InstanceTypeFilter filter;
    private readonly uint categories;
    private readonly uint networks;
    private readonly uint architectures;
    private readonly ulong offeredIn;
    private readonly ulong stockedIn;

    private OfferingPredicate(InstanceTypeFilter filter, RegionIndex index)
    {
        this.filter = filter;
        categories = Mask(filter.Categories);
        networks = Mask(filter.NetworkPerformance);
        architectures = Mask(filter.Architectures);
        offeredIn = ZoneMask(index, filter.Zone, "zone");
        stockedIn = ZoneMask(index, filter.AvailableInZone, "availableInZone");
    }

    /// <summary>Validates <paramref name="filter"/>; throws <see cref="ValidationException"/> naming the argument.</summary>
    public static OfferingPredicate? Create(InstanceTypeFilter? filter, RegionIndex index)
    {
        if (filter is null)
        {
            return null;
        }

        CheckRange(filter.Vcpu?.Min, filter.Vcpu?.Max, "vcpu");
        CheckRange(filter.MemoryGiB?.Min, filter.MemoryGiB?.Max, "memoryGiB");
        CheckRange(filter.GpuCount?.Min, filter.GpuCount?.Max, "gpuCount");
        if (filter.MaxPrice < 0)
        {
            throw new ValidationException(Prefix + "maxPrice", "must not be negative.");
        }

        return new OfferingPredicate(filter, index);
    }

    public bool Matches(RegionOffering o)
    {
        var t = o.Type;
        return (filter.Vcpu is null || filter.Vcpu.Contains(t.Vcpu))
            && (filter.MemoryGiB is null || filter.MemoryGiB.Contains(t.MemoryGiB))
            && (filter.GpuCount is null || filter.GpuCount.Contains(t.GpuCount))
            && (filter.MaxPrice is not { } maxPrice || o.Offering.OnDemandPrice <= maxPrice)
            && (categories == 0 || (categories & o.CategoryBit) != 0)
            && (networks == 0 || (networks & o.NetworkBit) != 0)
            && (architectures == 0 || (architectures & o.ArchitectureBit) != 0)
            && (offeredIn == 0 || (offeredIn & o.OfferedZones) != 0)
            && (stockedIn == 0 || (stockedIn & o.StockedZones) != 0)
            && (filter.Burstable is not { } burstable || t.IsBurstable == burstable)
            && (filter.CurrentGeneration is not { } current || t.IsCurrentGeneration == current)
            && (filter.GpuModel is null || string.Equals(t.GpuModel, filter.GpuModel, StringComparison.OrdinalIgnoreCase))
            && (filter.Families is not { Length: > 0 } families || InFamilies(t.Family, families));
    }

    private static bool InFamilies(string family, string[] families)
    {
        foreach (var f in families)
        {
            if (string.Equals(f, family, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckRange<T>(T? min, T? max, string name)
        where T : struct, IComparable<T>
    {
        var zero = default(T);
        if ((min is { } lo && lo.CompareTo(zero) < 0) || (max is { } hi && hi.CompareTo(zero) < 0))
        {
            throw new ValidationException(Prefix + name, "bounds must not be negative.");
        }

        if (min is { } a && max is { } b && a.CompareTo(b) > 0)
        {
            throw new ValidationException(Prefix + name, $"min ({a}) must not exceed max ({b}).");
        }
    }

    private static ulong ZoneMask(RegionIndex index, string? zone, string name)
    {
        if (zone is null)
        {
            return 0;
        }

        var bit = index.ZoneBit(zone);
        return bit != 0
            ? bit
            : throw new ValidationException(Prefix + name, $"region '{index.Region.Region.Id}' has no zone '{zone}'.");
    }

    private static uint Mask<T>(T[]? values)
        where T : struct, Enum
    {
        uint mask = 0;
        foreach (var v in values ?? [])
        {
            mask |= 1u << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
        }

        return mask;
    }
}
