namespace Recommender.Expander.Kubernetes;

/// <summary>
/// The resources the expander compares: CPU in millicores, memory in bytes, GPUs (<c>nvidia.com/gpu</c>,
/// <c>amd.com/gpu</c>) and pod slots. On a node, null means the node did not say; on a pod, null counts as zero.
/// </summary>
public readonly record struct ResourceAmounts(long? MilliCpu, long? MemoryBytes, long? Gpus, long? Pods)
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string PodsName = "pods";
    public const string NvidiaGpu = "nvidia.com/gpu";
    public const string AmdGpu = "amd.com/gpu";

    public static readonly ResourceAmounts None = new(null, null, null, null);

    /// <summary>This list with <paramref name="name"/> set from its quantity text; unreadable text and other names leave it as is.</summary>
    public ResourceAmounts With(string name, string quantity)
    {
        switch (name)
        {
            case Cpu when Quantity.TryParseMilli(quantity, out var milli):
                return this with { MilliCpu = milli };
            case Memory when Quantity.TryParseWhole(quantity, out var bytes):
                return this with { MemoryBytes = bytes };
            case NvidiaGpu or AmdGpu when Quantity.TryParseWhole(quantity, out var gpus):
                return this with { Gpus = (Gpus ?? 0) + gpus };
            case PodsName when Quantity.TryParseWhole(quantity, out var pods):
                return this with { Pods = pods };
            default:
                return this;
        }
    }

    /// <summary>Each resource this list names, else <paramref name="fallback"/>'s.</summary>
    public ResourceAmounts Or(ResourceAmounts fallback) =>
        new(MilliCpu ?? fallback.MilliCpu, MemoryBytes ?? fallback.MemoryBytes, Gpus ?? fallback.Gpus, Pods ?? fallback.Pods);

    public static ResourceAmounts operator +(ResourceAmounts a, ResourceAmounts b) =>
        new(Sum(a.MilliCpu, b.MilliCpu), Sum(a.MemoryBytes, b.MemoryBytes), Sum(a.Gpus, b.Gpus), Sum(a.Pods, b.Pods));

    public static ResourceAmounts Add(ResourceAmounts a, ResourceAmounts b) => a + b;

    /// <summary>Resource by resource, the larger of the two (an absent value counts as zero).</summary>
    public static ResourceAmounts Max(ResourceAmounts a, ResourceAmounts b) =>
        new(Larger(a.MilliCpu, b.MilliCpu), Larger(a.MemoryBytes, b.MemoryBytes), Larger(a.Gpus, b.Gpus), Larger(a.Pods, b.Pods));

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : SaturatingAdd(a ?? 0, b ?? 0);

    private static long? Larger(long? a, long? b) => a is null && b is null ? null : Math.Max(a ?? 0, b ?? 0);

    private static long SaturatingAdd(long a, long b)
    {
        var sum = unchecked(a + b);
        return ((a ^ sum) & (b ^ sum)) < 0 ? (a < 0 ? long.MinValue : long.MaxValue) : sum;
    }
}
