using System.Globalization;
using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Solver;

/// <summary>
/// The per-type filters of a request, as an ordered list of named steps so that an empty result can say which
/// filter emptied it, and the zone-based spot price rule.
/// </summary>
public sealed class CandidateFilter
{
    private readonly List<FilterStep> steps = [];

    public CandidateFilter(LayoutRequest request, RegionCatalog catalog)
    {
        Zones = request.Zones is { Count: > 0 } zones ? [.. zones.Distinct(StringComparer.Ordinal)] : [.. catalog.Region.Zones.Select(z => z.Id)];
        Add("has an on-demand price", o => o.OnDemandPrice > 0);
        if (request.Includes is { Count: > 0 } includes)
        {
            Add($"is in includes [{string.Join(", ", includes)}]", o => Matches(o, includes));
        }

        if (request.Excludes is { Count: > 0 } excludes)
        {
            Add($"is outside excludes [{string.Join(", ", excludes)}]", o => !Matches(o, excludes));
        }

        if (request.Categories is { Count: > 0 } categories)
        {
            Add($"is in categories [{string.Join(", ", categories)}]", o => categories.Contains(o.Type.Category));
        }

        if (request.Architectures is { Count: > 0 } architectures)
        {
            Add($"has architecture [{string.Join(", ", architectures)}]", o => architectures.Contains(o.Type.Architecture));
        }

        if (request.NetworkPerf is { Count: > 0 } network)
        {
            Add($"has network class [{string.Join(", ", network)}]", o => network.Contains(o.Type.NetworkPerformance));
        }

        if (!request.AllowBurst)
        {
            Add("is not burstable (allowBurst is false)", o => !o.Type.IsBurstable);
        }

        if (!request.AllowOlderGen)
        {
            Add("is current generation (allowOlderGen is false)", o => o.Type.IsCurrentGeneration);
        }

        if (request.GpuModel is { } model)
        {
            Add($"has no GPUs other than {model}", o => o.Type.GpuCount == 0 || string.Equals(o.Type.GpuModel, model, StringComparison.OrdinalIgnoreCase));
        }

        if (request.LargestPod is { } pod)
        {
            var cpu = PriceScale.ToMillicores(pod.Cpu);
            var memory = PriceScale.ToMiB(pod.MemoryGiB);
            Add(
                string.Create(CultureInfo.InvariantCulture, $"can hold the largest pod ({pod.Cpu} vCPU sustained, {pod.MemoryGiB} GiB, {pod.Gpus} GPUs allocatable)"),
                o => NodeReservation.SustainedMillicores(o.Type) >= cpu && NodeReservation.AllocatableMemoryMiB(o.Type) >= memory && o.Type.GpuCount >= pod.Gpus);
        }

        foreach (var zone in Zones)
        {
            Add($"has stock in {zone}", o => o.HasStockIn(zone));
        }
    }

    /// <summary>The zones every pool must have stock in (the request's, or all of the region's).</summary>
    public IReadOnlyList<string> Zones { get; }

    public bool Keep(InstanceOffering offering) => steps.TrueForAll(s => s.Keep(offering));

    public IReadOnlyList<InstanceOffering> Apply(IEnumerable<InstanceOffering> offerings) => [.. offerings.Where(Keep)];

    /// <summary>The first step after which nothing of <paramref name="offerings"/> is left; null when something passes.</summary>
    public string? FirstEmptyingStep(IEnumerable<InstanceOffering> offerings)
    {
        var left = offerings.ToList();
        foreach (var step in steps)
        {
            left = left.FindAll(o => step.Keep(o));
            if (left.Count == 0)
            {
                return step.Description;
            }
        }

        return null;
    }

    /// <summary>Spot price of a node valid in every zone: the highest there; null when any zone has no spot price.</summary>
    public decimal? SpotPrice(InstanceOffering offering)
    {
        decimal? highest = null;
        foreach (var zone in Zones)
        {
            if (offering.SpotPriceIn(zone) is not { } price || price <= 0)
            {
                return null;
            }

            highest = highest is { } h ? Math.Max(h, price) : price;
        }

        return highest;
    }

    /// <summary>Whether a type name or family id in <paramref name="names"/> covers the offering.</summary>
    public static bool Matches(InstanceOffering offering, IReadOnlyList<string> names) =>
        names.Any(n => string.Equals(n, offering.Name, StringComparison.Ordinal) || string.Equals(n, offering.Type.Family, StringComparison.Ordinal));

    private void Add(string description, Func<InstanceOffering, bool> keep) => steps.Add(new FilterStep(description, keep));

    private sealed record FilterStep(string Description, Func<InstanceOffering, bool> Keep);
}
