using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Core.Snapshots;

/// <summary>
/// The meaning rules of a snapshot (the shape is checked by <see cref="CatalogShape"/>): what a file must satisfy
/// before any of it is published. Throws <see cref="CatalogFormatException"/> at the first violation.
/// </summary>
public static class CatalogDocumentValidator
{
    public static void Validate(CatalogDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!string.Equals(document.Format, CatalogDocument.CurrentFormat, StringComparison.Ordinal))
        {
            throw new CatalogFormatException("$.format", $"expected '{CatalogDocument.CurrentFormat}', found '{document.Format}'.");
        }

        var providers = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < document.Providers.Count; p++)
        {
            var id = document.Providers[p].Id;
            RequireId(id, $"$.providers[{p}].id");
            if (!providers.Add(id))
            {
                throw new CatalogFormatException($"$.providers[{p}].id", $"duplicate provider '{id}'.");
            }
        }

        var regions = new HashSet<RegionKey>();
        for (var r = 0; r < document.Regions.Count; r++)
        {
            var region = document.Regions[r];
            var path = $"$.regions[{r}]";
            RequireId(region.Provider, $"{path}.provider");
            if (!providers.Contains(region.Provider))
            {
                throw new CatalogFormatException($"{path}.provider", $"provider '{region.Provider}' is not listed in $.providers.");
            }

            RequireId(region.Region.Id, $"{path}.region.id");
            if (!regions.Add(region.Key))
            {
                throw new CatalogFormatException($"{path}.region.id", $"duplicate region '{region.Key}'.");
            }

            ValidateRegion(region, path);
        }
    }

    private static void ValidateRegion(RegionCatalog region, string path)
    {
        if (region.Currency.Length != 3 || !region.Currency.All(char.IsAsciiLetterUpper))
        {
            throw new CatalogFormatException($"{path}.currency", $"expected an ISO 4217 code of 3 upper-case letters, found '{region.Currency}'.");
        }

        var zones = new HashSet<string>(StringComparer.Ordinal);
        for (var z = 0; z < region.Region.Zones.Count; z++)
        {
            var id = region.Region.Zones[z].Id;
            RequireId(id, $"{path}.region.zones[{z}].id");
            if (!zones.Add(id))
            {
                throw new CatalogFormatException($"{path}.region.zones[{z}].id", $"duplicate zone '{id}'.");
            }
        }

        for (var t = 0; t < region.InstanceTypes.Count; t++)
        {
            ValidateOffering(region.InstanceTypes[t], zones, $"{path}.instanceTypes[{t}]");
        }
    }

    private static void ValidateOffering(InstanceOffering offering, HashSet<string> zones, string path)
    {
        var type = offering.Type;
        RequireId(type.Name, $"{path}.type.name");
        RequireId(type.Family, $"{path}.type.family");
        RequirePositive((decimal)type.Vcpu, $"{path}.type.vcpu");
        RequirePositive(type.MemoryGiB, $"{path}.type.memoryGiB");
        if (type.GpuCount < 0)
        {
            throw new CatalogFormatException($"{path}.type.gpuCount", $"must not be negative (found {type.GpuCount}).");
        }

        var hasModel = !string.IsNullOrWhiteSpace(type.GpuModel);
        if (hasModel != type.GpuCount > 0)
        {
            throw new CatalogFormatException($"{path}.type.gpuModel", hasModel
                ? "a GPU model is given but gpuCount is 0."
                : $"gpuCount is {type.GpuCount} but no GPU model is given.");
        }

        RequirePositive(offering.OnDemandPrice, $"{path}.onDemandPrice");
        for (var s = 0; s < offering.SpotPrices.Count; s++)
        {
            RequireZone(offering.SpotPrices[s].Zone, zones, $"{path}.spotPrices[{s}].zone");
            RequirePositive(offering.SpotPrices[s].Price, $"{path}.spotPrices[{s}].price");
        }

        for (var a = 0; a < offering.Availability.Count; a++)
        {
            RequireZone(offering.Availability[a].Zone, zones, $"{path}.availability[{a}].zone");
        }
    }

    private static void RequireId(string? id, string path)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new CatalogFormatException(path, "must be a non-empty string.");
        }
    }

    private static void RequirePositive(decimal value, string path)
    {
        if (value <= 0)
        {
            throw new CatalogFormatException(path, $"must be greater than 0 (found {value}).");
        }
    }

    private static void RequirePositive(double value, string path)
    {
        if (!(value > 0))
        {
            throw new CatalogFormatException(path, $"must be greater than 0 (found {value}).");
        }
    }

    private static void RequireZone(string zone, HashSet<string> zones, string path)
    {
        if (!zones.Contains(zone))
        {
            throw new CatalogFormatException(path, $"zone '{zone}' is not a zone of this region.");
        }
    }
}
