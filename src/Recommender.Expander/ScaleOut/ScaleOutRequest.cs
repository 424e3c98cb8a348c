using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Expander.ScaleOut;

/// <summary>
/// "The cluster needs this much more: which pools do I grow, which do I add?" The demand is extra to what runs now;
/// the filters mean what they mean in <see cref="LayoutRequest"/> and apply to new pools only (existing pools are what
/// they are). Exact rules: README ("Scale-out").
/// </summary>
public sealed record ScaleOutRequest
{
    public string Provider { get; init; } = KnownProviders.Alibaba.Id;

    public string Region { get; init; } = "";

    /// <summary>Organisation the cluster belongs to: a label for the decision log, and membership is required.</summary>
    public string? Organization { get; init; }

    /// <summary>Cluster id: a label for the decision log (consultations(cluster)).</summary>
    public string? ClusterId { get; init; }

    public IReadOnlyList<ExistingPool> Pools { get; init; } = [];

    /// <summary>Extra allocatable vCPU wanted (sustained for burstable types).</summary>
    public double Cpu { get; init; }

    /// <summary>Extra allocatable memory wanted, GiB.</summary>
    public double MemoryGiB { get; init; }

    /// <summary>Extra GPUs wanted.</summary>
    public int Gpus { get; init; }

    /// <summary>Pending pods; every one must fit on a node the change adds. The demand is at least their sum.</summary>
    public IReadOnlyList<ScaleOutPod> Pods { get; init; } = [];

    /// <summary>Percent (0-100) of the net extra vCPU and of the net extra memory that added on-demand nodes must provide.</summary>
    public int OnDemandPct { get; init; }

    /// <summary>Whether the change may add pools (default true); false = grow existing pools only.</summary>
    public bool AllowNewPools { get; init; } = true;

    /// <summary>Most pools the change may add; null = no limit.</summary>
    public int? MaxNewPools { get; init; }

    /// <summary>When set, spot nodes carry a NoSchedule taint with this key: only pods tolerating it may use them.</summary>
    public string? SpotTaintKey { get; init; }

    /// <summary>Zones a new pool must have stock in (all of them); empty or null = all zones of the region.</summary>
    public IReadOnlyList<string>? Zones { get; init; }

    public IReadOnlyList<NetworkPerformance>? NetworkPerf { get; init; }

    public IReadOnlyList<InstanceCategory>? Categories { get; init; }

    public IReadOnlyList<string>? Includes { get; init; }

    public IReadOnlyList<string>? Excludes { get; init; }

    public bool AllowBurst { get; init; } = true;

    public bool AllowOlderGen { get; init; }

    public IReadOnlyList<CpuArchitecture>? Architectures { get; init; }

    public string? GpuModel { get; init; }

    /// <summary>How many changes to return, best first, each with a different set of grown and added pools (1-10).</summary>
    public int Alternatives { get; init; } = 1;

    /// <summary>Solve time in milliseconds, at most the service's limit (Solver:TimeLimit); null = that limit.</summary>
    public int? TimeLimitMs { get; init; }

    /// <summary>The same filters as a <see cref="LayoutRequest"/>, for the new pools' candidates.</summary>
    public LayoutRequest ToFilterRequest(IReadOnlyList<string>? zones = null) => new()
    {
        Provider = Provider,
        Region = Region,
        Zones = zones ?? Zones,
        NetworkPerf = NetworkPerf,
        Categories = Categories,
        Includes = Includes,
        Excludes = Excludes,
        AllowBurst = AllowBurst,
        AllowOlderGen = AllowOlderGen,
        Architectures = Architectures,
        GpuModel = GpuModel,
    };
}
