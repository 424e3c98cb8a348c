using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>
/// Rejects malformed requests with a <see cref="ValidationException"/> naming the field (GraphQL argument name).
/// Requests that are well-formed but impossible are not errors: they get an INFEASIBLE answer.
/// </summary>
public static class LayoutRequestValidator
{
    public static void Validate(LayoutRequest request, RegionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!string.Equals(request.Provider, catalog.Provider, StringComparison.Ordinal))
        {
            throw new ValidationException("provider", $"'{request.Provider}' is not the catalog's provider '{catalog.Provider}'.");
        }

        if (!string.Equals(request.Region, catalog.Region.Id, StringComparison.Ordinal))
        {
            throw new ValidationException("region", $"'{request.Region}' is not the catalog's region '{catalog.Region.Id}'.");
        }

        Amount("cpu", request.Cpu, LayoutRequestLimits.Cpu);
        Amount("memoryGiB", request.MemoryGiB, LayoutRequestLimits.MemoryGiB);
        if (request.Cpu <= 0 && request.MemoryGiB <= 0)
        {
            throw new ValidationException("cpu", "cpu and memoryGiB are both zero; ask for at least one of them.");
        }

        Range("gpus", request.Gpus, 0, LayoutRequestLimits.Gpus);
        Range("minNodes", request.MinNodes, 1, LayoutRequestLimits.MaxNodes);
        Range("maxNodes", request.MaxNodes, 1, LayoutRequestLimits.MaxNodes);
        if (request.MinNodes > request.MaxNodes)
        {
            throw new ValidationException("minNodes", $"minNodes ({request.MinNodes}) is above maxNodes ({request.MaxNodes}).");
        }

        Range("onDemandPct", request.OnDemandPct, 0, 100);
        Range("spotDiversity", request.SpotDiversity, 1, LayoutRequestLimits.SpotDiversity);
        Range("alternatives", request.Alternatives, 1, LayoutRequestLimits.Alternatives);
        if (request.MaxPools is { } maxPools)
        {
            Range("maxPools", maxPools, 1, LayoutRequestLimits.MaxPools);
        }

        if (request.LargestPod is { } pod)
        {
            Amount("largestPod.cpu", pod.Cpu, LayoutRequestLimits.Cpu);
            Amount("largestPod.memoryGiB", pod.MemoryGiB, LayoutRequestLimits.MemoryGiB);
            Range("largestPod.gpus", pod.Gpus, 0, LayoutRequestLimits.Gpus);
        }

        ValidateLists(request, catalog);
    }

    private static void ValidateLists(LayoutRequest request, RegionCatalog catalog)
    {
        foreach (var zone in List("zones", request.Zones))
        {
            if (!catalog.HasZone(zone))
            {
                throw new ValidationException("zones", $"unknown zone '{zone}' in region {catalog.Region.Id}.");
            }
        }

        var names = catalog.InstanceTypes.Select(o => o.Name).Concat(catalog.InstanceTypes.Select(o => o.Type.Family))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var field in new[] { ("includes", request.Includes), ("excludes", request.Excludes) })
        {
            foreach (var name in List(field.Item1, field.Item2))
            {
                if (!names.Contains(name))
                {
                    throw new ValidationException(field.Item1, $"'{name}' is neither an instance type nor a family in {catalog.Region.Id}.");
                }
            }
        }

        Defined("networkPerf", List("networkPerf", request.NetworkPerf));
        Defined("categories", List("categories", request.Categories));
        Defined("architectures", List("architectures", request.Architectures));
        if (request.GpuModel is { } model && !catalog.InstanceTypes.Any(o => string.Equals(o.Type.GpuModel, model, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ValidationException("gpuModel", $"no instance type in {catalog.Region.Id} has GPU model '{model}'.");
        }
    }

    private static IReadOnlyList<T> List<T>(string field, IReadOnlyList<T>? values)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Count > LayoutRequestLimits.ListLength)
        {
            throw new ValidationException(field, $"at most {LayoutRequestLimits.ListLength} entries.");
        }

        return values;
    }

    private static void Defined<T>(string field, IReadOnlyList<T> values)
        where T : struct, Enum
    {
        foreach (var value in values)
        {
            if (!Enum.IsDefined(value))
            {
                throw new ValidationException(field, $"unknown value {value}.");
            }
        }
    }

    private static void Amount(string field, double value, double max)
    {
        if (double.IsNaN(value) || value < 0)
        {
            throw new ValidationException(field, "must be a non-negative number.");
        }

        if (value > max)
        {
            throw new ValidationException(field, $"{value} is above the limit of {max}.");
        }
    }

    private static void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ValidationException(field, $"{value} is outside {min}-{max}.");
        }
    }
}
