using Recommender.Core.Catalog;

namespace Recommender.Core.Recommendations;

/// <summary>
/// What a cluster should be able to run, and the rules its node pools must follow. A superset of Telescopes'
/// cluster request; every field's exact meaning and default is in solver/README.md ("How recommendations are
/// computed"). Capacities are what pods can use (see <see cref="NodeReservation"/>), never raw node sizes.
/// </summary>
public sealed record LayoutRequest
{
    /// <summary>Provider id; must be the catalog's provider.</summary>
    public string Provider { get; init; } = KnownProviders.Alibaba.Id;

    /// <summary>Region id; must be the catalog's region.</summary>
    public string Region { get; init; } = "";

    /// <summary>Total allocatable vCPU wanted (fractions allowed). Telescopes: sumCpu.</summary>
    public double Cpu { get; init; }

    /// <summary>Total allocatable memory wanted, GiB. Telescopes: sumMem.</summary>
    public double MemoryGiB { get; init; }

    /// <summary>Total GPUs wanted (default 0). Telescopes accepted and ignored sumGpu.</summary>
    public int Gpus { get; init; }

    /// <summary>When set, types with GPUs of another model are not candidates (types without GPUs still are).</summary>
    public string? GpuModel { get; init; }

    /// <summary>Fewest nodes in the whole layout (default 1).</summary>
    public int MinNodes { get; init; } = 1;

    /// <summary>Most nodes in the whole layout (default <see cref="LayoutRequestLimits.MaxNodes"/>).</summary>
    public int MaxNodes { get; init; } = LayoutRequestLimits.MaxNodes;

    /// <summary>
    /// Percent (0-100) of the requested vCPU and of the requested memory that on-demand pools must provide on their
    /// own. Default 0, as in Telescopes (0 = spot allowed for everything).
    /// </summary>
    public int OnDemandPct { get; init; }

    /// <summary>Every node has the same vCPU count and memory size (default false).</summary>
    public bool SameSize { get; init; }

    /// <summary>Zone ids every pool must have stock in; empty or null = all zones of the region.</summary>
    public IReadOnlyList<string>? Zones { get; init; }

    /// <summary>Accepted network classes; empty or null = any.</summary>
    public IReadOnlyList<NetworkPerformance>? NetworkPerf { get; init; }

    /// <summary>Accepted instance categories; empty or null = any.</summary>
    public IReadOnlyList<InstanceCategory>? Categories { get; init; }

    /// <summary>Allow-list of instance type names or family ids (e.g. <c>ecs.g7</c>); empty or null = all.</summary>
    public IReadOnlyList<string>? Includes { get; init; }

    /// <summary>Deny-list of instance type names or family ids.</summary>
    public IReadOnlyList<string>? Excludes { get; init; }

    /// <summary>Allow burstable (credit) types. Default true, as Telescopes' null.</summary>
    public bool AllowBurst { get; init; } = true;

    /// <summary>Allow previous-generation families. Default false, as Telescopes' null.</summary>
    public bool AllowOlderGen { get; init; }

    /// <summary>Accepted CPU architectures; empty or null = any.</summary>
    public IReadOnlyList<CpuArchitecture>? Architectures { get; init; }

    /// <summary>Every node type must be able to hold this pod with its allocatable capacity; null = no such rule.</summary>
    public PodSize? LargestPod { get; init; }

    /// <summary>Most pools (type + capacity type) in a layout; null = no limit.</summary>
    public int? MaxPools { get; init; }

    /// <summary>
    /// When spot nodes are used: at least this many spot instance types, none carrying more than 1/D of the spot
    /// allocatable vCPU. Default 1 (no rule).
    /// </summary>
    public int SpotDiversity { get; init; } = 1;

    /// <summary>How many layouts to return, best first, each with a different set of instance types (1-10, default 1).</summary>
    public int Alternatives { get; init; } = 1;

    /// <summary>
    /// Time the answer may take, in milliseconds, at most the service's limit (Solver:TimeLimit); null = the service's
    /// answer time (Solver:AnswerWithin), or its whole limit with <see cref="Wait"/>. The answer says OPTIMAL or FEASIBLE
    /// with its gap; an unproven one keeps being proven in the background up to Solver:TimeLimit from the request.
    /// </summary>
    public int? TimeLimitMs { get; init; }

    /// <summary>
    /// Answer only when the solve is over: proven, or <see cref="TimeLimitMs"/> (default: the service's whole limit,
    /// Solver:TimeLimit) spent; nothing continues in the background. Default false.
    /// </summary>
    public bool Wait { get; init; }
}
