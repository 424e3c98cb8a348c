using System.Globalization;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>
/// One wording per request field (solver/README.md, "The request"), shared by the input type and its echo so the two
/// can never disagree.
/// </summary>
internal static class LayoutRequestDescriptions
{
    public const string Provider = "Provider id (default alibaba). Unknown: NOT_FOUND.";
    public const string Region = "Region id, e.g. cn-hangzhou. Unknown: NOT_FOUND.";
    public const string Cpu = "Total allocatable vCPU ≥ cpu, burstable (credit) types counted at their baseline share (sustainedVcpu; fractions allowed; compared in millicores, request rounded up). Default 0; cpu and memoryGiB cannot both be 0.";
    public const string MemoryGiB = "Total allocatable memory ≥ memoryGiB, in GiB (compared in MiB, rounded up). Default 0.";
    public const string Gpus = "Total GPUs ≥ gpus. Default 0.";
    public const string GpuModel = "Types with GPUs of another model are not candidates; types without GPUs still are. Case-insensitive; must exist in the region. Default: none.";
    public const string MinNodes = "Total nodes ≥ minNodes (a real floor). Default 1.";
    public const string OnDemandPct = "On-demand pools alone provide ≥ onDemandPct % (0-100) of the requested vCPU and of the requested memory; spot pools may be added on top. Default 0 (spot allowed for everything).";
    public const string SameSize = "Every node of the layout has the same vCPU count and memory size. Default false.";
    public const string Zones = "Every pool's type has stock in every listed zone; a spot pool is priced at the highest spot price among them and needs a spot price in each. Empty or null: all zones of the region.";
    public const string NetworkPerf = "Accepted network classes. Empty or null: any.";
    public const string Categories = "Accepted instance categories. Empty or null: any.";
    public const string Includes = "Allow-list of instance type names or family ids (e.g. ecs.g7). Empty or null: all.";
    public const string Excludes = "Deny-list of instance type names or family ids. Empty or null: none.";
    public const string AllowBurst = "False removes burstable (credit) types. Default true; when allowed, their vCPU count at their baseline share.";
    public const string AllowOlderGen = "True admits previous-generation families. Default false.";
    public const string Architectures = "Accepted CPU architectures. Empty or null: any.";
    public const string LargestPod = "Every type used can hold this pod with its allocatable capacity (vCPU: sustained). Null: no such rule.";
    public const string MaxPools = "Number of pools (type + capacity type) ≤ maxPools (1-100). Null: no limit.";
    public const string SpotDiversity = "When spot nodes are used: at least this many spot instance types, none carrying more than 1/spotDiversity of the spot allocatable vCPU (1-20). Default 1 (no rule).";

    public static readonly string MaxNodes = string.Create(
        CultureInfo.InvariantCulture, $"Total nodes ≤ maxNodes (at most {LayoutRequestLimits.MaxNodes}). Default {LayoutRequestLimits.MaxNodes}.");

    public const string TimeLimitMs = "Time the answer may take in ms (1 up to the service's Solver:TimeLimit, 10 s unless configured), shared by the best layout and its alternatives; when it runs out the answer is FEASIBLE with its proven gap (or TIMED_OUT), and unless wait is set the solve goes on in the background up to Solver:TimeLimit from the request, improving the stored recommendation (see proof and improvements). Null: the service's answer time (Solver:AnswerWithin, 100 ms unless configured), or its whole limit with wait.";

    public const string Wait = "True: answer only when the solve is over (proven, or timeLimitMs, default the service's whole Solver:TimeLimit, spent), with nothing left to the background. Default false: answer within timeLimitMs and prove in the background.";

    public static readonly string Alternatives = string.Create(
        CultureInfo.InvariantCulture,
        $"Layouts to return (1-{LayoutRequestLimits.Alternatives}), best first; each further one is the next-cheapest with a different set of instance types. Default 1.");
}
