using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// The filters of DescribeInstanceTypes (contract §3.3), applied to the wire items so that a filter and the field it
/// narrows agree by construction: <c>InstanceTypes.N</c>, <c>InstanceTypeFamily</c>, <c>InstanceTypeFamilies.N</c>,
/// <c>CpuArchitecture</c>, <c>InstanceCategory</c>, <c>InstanceFamilyLevel</c>, <c>GPUSpec</c>, <c>LocalStorageCategory</c>,
/// and the <c>Minimum*</c>/<c>Maximum*</c> bounds of vCPUs, memory, GPUs and ENIs.
/// </summary>
internal static class InstanceTypeFilter
{
    private static readonly (string Parameter, string Field)[] Exact =
    [
        ("InstanceTypeFamily", "InstanceTypeFamily"), ("CpuArchitecture", "CpuArchitecture"), ("InstanceCategory", "InstanceCategory"),
        ("InstanceFamilyLevel", "InstanceFamilyLevel"), ("GPUSpec", "GPUSpec"), ("LocalStorageCategory", "LocalStorageCategory"),
    ];

    private static readonly (string Parameter, string Field, bool Minimum)[] Bounds =
    [
        ("MinimumCpuCoreCount", "CpuCoreCount", true), ("MaximumCpuCoreCount", "CpuCoreCount", false),
        ("MinimumMemorySize", "MemorySize", true), ("MaximumMemorySize", "MemorySize", false),
        ("MinimumGPUAmount", "GPUAmount", true), ("MaximumGPUAmount", "GPUAmount", false),
        ("MinimumEniQuantity", "EniQuantity", true),
    ];

    public static IEnumerable<JsonObject> Apply(IEnumerable<JsonObject> items, IReadOnlyDictionary<string, string> p)
    {
        foreach (var (prefix, field) in new[] { ("InstanceTypes.", "InstanceTypeId"), ("InstanceTypeFamilies.", "InstanceTypeFamily") })
        {
            var wanted = p.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(kv => kv.Value).ToHashSet(StringComparer.Ordinal);
            if (wanted.Count > 0)
            {
                items = items.Where(i => wanted.Contains(Text(i, field)));
            }
        }

        foreach (var (parameter, field) in Exact)
        {
            if (p.TryGetValue(parameter, out var value))
            {
                items = items.Where(i => string.Equals(Text(i, field), value, StringComparison.OrdinalIgnoreCase));
            }
        }

        foreach (var (parameter, field, minimum) in Bounds)
        {
            if (p.TryGetValue(parameter, out var text))
            {
                var bound = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                    ? b
                    : throw new AcsError(400, "InvalidParameter", $"The specified parameter {parameter} is not valid.");
                items = items.Where(i => minimum ? Number(i, field) >= bound : Number(i, field) <= bound);
            }
        }

        return items;
    }

    /// <summary>The filter parameters of a request, as a stable key for page tokens.</summary>
    public static string Key(IReadOnlyDictionary<string, string> p) =>
        string.Join('&', p.Where(kv => kv.Key is not ("NextToken" or "MaxResults" or "RegionId")).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Text(JsonObject item, string field) => item[field]?.GetValueKind() == JsonValueKind.String ? item[field]!.GetValue<string>() : string.Empty;

    /// <summary>The field as written on the wire (an int or a double node alike).</summary>
    private static double Number(JsonObject item, string field) =>
        item[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) : 0;
}
