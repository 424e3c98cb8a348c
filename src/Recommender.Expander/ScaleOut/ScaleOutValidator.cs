using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// The bad-input rules of a scale-out: each broken rule is a <see cref="ValidationException"/> naming the field as the
/// request spells it (pools[2].maxSize), so GraphQL can answer BAD_USER_INPUT with <c>input.</c> in front.
/// </summary>
public static class ScaleOutValidator
{
    /// <summary>Pending pod entries (each with its count) a request may carry.</summary>
    public const int MaxPodEntries = 1_000;

    /// <summary>Identical pods one entry may stand for.</summary>
    public const int MaxPodCount = 10_000;

    /// <summary>Longest solve time a caller may ask for when the service does not say, in milliseconds.</summary>
    public const int DefaultMaxTimeLimitMs = 10_000;

    public static void Validate(ScaleOutRequest request, RegionCatalog catalog, int maxTimeLimitMs)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!string.Equals(request.Region, catalog.Region.Id, StringComparison.Ordinal))
        {
            throw new ValidationException("region", $"'{request.Region}' is not the catalog's region {catalog.Region.Id}.");
        }

        ValidatePools(request.Pools, catalog);
        Amount("cpu", request.Cpu, LayoutRequestLimits.Cpu);
        Amount("memoryGiB", request.MemoryGiB, LayoutRequestLimits.MemoryGiB);
        Range("gpus", request.Gpus, 0, LayoutRequestLimits.Gpus);
        ValidatePods(request.Pods);
        if (request.Cpu == 0 && request.MemoryGiB == 0 && request.Gpus == 0 && request.Pods.Count == 0)
        {
            throw new ValidationException("cpu", "zero demand: give cpu, memoryGiB, gpus or pods (a scale-out adds something).");
        }

        Range("onDemandPct", request.OnDemandPct, 0, 100);
        if (request.MaxNewPools is { } maxNew)
        {
            Range("maxNewPools", maxNew, 0, LayoutRequestLimits.MaxPools);
        }

        Range("alternatives", request.Alternatives, 1, LayoutRequestLimits.Alternatives);
        if (request.TimeLimitMs is { } ms)
        {
            Range("timeLimitMs", ms, 1, maxTimeLimitMs);
        }

        Zones("zones", request.Zones, catalog);
        Length("includes", request.Includes);
        Length("excludes", request.Excludes);
        Length("networkPerf", request.NetworkPerf);
        Length("categories", request.Categories);
        Length("architectures", request.Architectures);
        if (request.SpotTaintKey is { Length: 0 })
        {
            throw new ValidationException("spotTaintKey", "must not be empty (leave it out when spot nodes are not tainted).");
        }
    }

    private static void ValidatePools(IReadOnlyList<ExistingPool> pools, RegionCatalog catalog)
    {
        if (pools.Count > LayoutRequestLimits.MaxPools)
        {
            throw new ValidationException("pools", $"at most {LayoutRequestLimits.MaxPools} pools.");
        }

        long nodes = 0;
        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            var field = $"pools[{i}]";
            if (catalog.Find(pool.InstanceType) is null)
            {
                throw new ValidationException($"{field}.instanceType", $"'{pool.InstanceType}' is not an instance type of {catalog.Key}.");
            }

            Range($"{field}.nodeCount", pool.NodeCount, 0, LayoutRequestLimits.MaxNodes);
            if (pool.MaxSize is { } max)
            {
                Range($"{field}.maxSize", max, 0, LayoutRequestLimits.MaxNodes);
                if (max < pool.NodeCount)
                {
                    throw new ValidationException($"{field}.maxSize",
                        string.Create(CultureInfo.InvariantCulture, $"{max} is below the pool's nodeCount {pool.NodeCount} (a scale-out never shrinks)."));
                }
            }

            if (pool.UsedCpu is { } cpu)
            {
                Amount($"{field}.usedCpu", cpu, LayoutRequestLimits.Cpu);
            }

            if (pool.UsedMemoryGiB is { } memory)
            {
                Amount($"{field}.usedMemoryGiB", memory, LayoutRequestLimits.MemoryGiB);
            }

            if (pool.UsedGpus is { } gpus)
            {
                Range($"{field}.usedGpus", gpus, 0, LayoutRequestLimits.Gpus);
            }

            Zones($"{field}.zones", pool.Zones, catalog);
            nodes += pool.NodeCount;
        }

        if (nodes > LayoutRequestLimits.MaxNodes)
        {
            throw new ValidationException("pools", $"the pools hold {nodes} nodes, more than a cluster may ({LayoutRequestLimits.MaxNodes}).");
        }
    }

    private static void ValidatePods(IReadOnlyList<ScaleOutPod> pods)
    {
        if (pods.Count > MaxPodEntries)
        {
            throw new ValidationException("pods", $"at most {MaxPodEntries} entries (use count for identical pods).");
        }

        for (var i = 0; i < pods.Count; i++)
        {
            var pod = pods[i];
            var field = $"pods[{i}]";
            Range($"{field}.count", pod.Count, 1, MaxPodCount);
            Amount($"{field}.cpu", pod.Cpu, LayoutRequestLimits.Cpu);
            Amount($"{field}.memoryGiB", pod.MemoryGiB, LayoutRequestLimits.MemoryGiB);
            Range($"{field}.gpus", pod.Gpus, 0, LayoutRequestLimits.Gpus);
            if (pod.NodeSelector is { Count: > LayoutRequestLimits.ListLength } || pod.Tolerations is { Count: > LayoutRequestLimits.ListLength })
            {
                throw new ValidationException(field, $"at most {LayoutRequestLimits.ListLength} node selector entries and tolerations.");
            }
        }
    }

    private static void Amount(string field, double value, double max)
    {
        if (!double.IsFinite(value) || value < 0 || value > max)
        {
            throw new ValidationException(field, string.Create(CultureInfo.InvariantCulture, $"{value} is outside 0-{max}."));
        }
    }

    private static void Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ValidationException(field, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}-{max}."));
        }
    }

    private static void Zones(string field, IReadOnlyList<string>? zones, RegionCatalog catalog)
    {
        Length(field, zones);
        foreach (var zone in zones ?? [])
        {
            if (!catalog.HasZone(zone))
            {
                throw new ValidationException(field, $"'{zone}' is not a zone of {catalog.Key}.");
            }
        }
    }

    private static void Length<T>(string field, IReadOnlyList<T>? list)
    {
        if (list is { Count: > LayoutRequestLimits.ListLength })
        {
            throw new ValidationException(field, $"at most {LayoutRequestLimits.ListLength} entries.");
        }
    }
}
