using System.Collections.Frozen;
using System.Globalization;
using Recommender.Core.Catalog;

namespace Recommender.Alibaba.Catalog;

/// <summary>
/// What we derive from an ECS family id such as <c>ecs.g7</c>, <c>ecs.ebmc8y</c> or <c>ecs.gn7i</c>.
/// The family id is <c>ecs.</c>, an optional bare-metal/super-computing prefix (<c>ebm</c>, <c>scc</c>), a letter
/// prefix, the generation digits and optional suffix letters (<c>i</c> Intel, <c>a</c> AMD, <c>y</c> Yitian ARM, <c>ne</c>…).
/// <para>Category by letter prefix (Alibaba's family classification):</para>
/// <list type="table">
/// <item><term>t</term><description>Burstable (credit) — t5, t6</description></item>
/// <item><term>gn, vgn, sgn, ga, gi</term><description>Gpu</description></item>
/// <item><term>d</term><description>BigData (local HDD) — d1, d2s, d3c</description></item>
/// <item><term>i</term><description>LocalSsd — i2, i3, i4</description></item>
/// <item><term>hfc, hfg, hfr</term><description>HighClockSpeed</description></item>
/// <item><term>c, sn1</term><description>Compute (1 vCPU : 2 GiB)</description></item>
/// <item><term>g, sn2, u, e, s, n</term><description>General (1 : 4)</description></item>
/// <item><term>r, re, se</term><description>Memory (1 : 8 and more)</description></item>
/// <item><term>anything else (f FPGA, …)</term><description>Other</description></item>
/// </list>
/// Current generation: generation 6 and later. Alibaba lists the 5th-generation and older families (g5, c5, r5, t5,
/// sn1ne, sn2ne, se1ne, n4, …) as previous-generation; families without digits (e.g. <c>ecs.e</c>) count as current.
/// </summary>
public static class FamilyTable
{
    public const int FirstCurrentGeneration = 6;

    private static readonly FrozenDictionary<string, InstanceCategory> ByPrefix = new Dictionary<string, InstanceCategory>(StringComparer.Ordinal)
    {
        ["t"] = InstanceCategory.Burstable,
        ["gn"] = InstanceCategory.Gpu,
        ["vgn"] = InstanceCategory.Gpu,
        ["sgn"] = InstanceCategory.Gpu,
        ["ga"] = InstanceCategory.Gpu,
        ["gi"] = InstanceCategory.Gpu,
        ["d"] = InstanceCategory.BigData,
        ["i"] = InstanceCategory.LocalSsd,
        ["hfc"] = InstanceCategory.HighClockSpeed,
        ["hfg"] = InstanceCategory.HighClockSpeed,
        ["hfr"] = InstanceCategory.HighClockSpeed,
        ["c"] = InstanceCategory.Compute,
        ["g"] = InstanceCategory.General,
        ["u"] = InstanceCategory.General,
        ["e"] = InstanceCategory.General,
        ["s"] = InstanceCategory.General,
        ["n"] = InstanceCategory.General,
        ["r"] = InstanceCategory.Memory,
        ["re"] = InstanceCategory.Memory,
        ["se"] = InstanceCategory.Memory,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Prefix+generation pairs whose category differs from their letter prefix.</summary>
    private static readonly FrozenDictionary<string, InstanceCategory> Exceptions = new Dictionary<string, InstanceCategory>(StringComparer.Ordinal)
    {
        ["sn1"] = InstanceCategory.Compute,
        ["sn2"] = InstanceCategory.General,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static InstanceCategory Category(string family)
    {
        var (prefix, generation) = Split(family);
        var key = prefix + generation.ToString(CultureInfo.InvariantCulture);
        return Exceptions.TryGetValue(key, out var special) ? special : ByPrefix.GetValueOrDefault(prefix, InstanceCategory.Other);
    }

    /// <summary>The first digit run of the family (<c>ecs.g8i</c> → 8), 0 when there is none.</summary>
    public static int Generation(string family) => Split(family).Generation;

    public static bool IsCurrentGeneration(string family)
    {
        var generation = Generation(family);
        return generation == 0 || generation >= FirstCurrentGeneration;
    }

    /// <summary>The family of a type id: everything before the last dot (<c>ecs.g7.large</c> → <c>ecs.g7</c>).</summary>
    public static string FamilyOf(string instanceType)
    {
        ArgumentNullException.ThrowIfNull(instanceType);
        var dot = instanceType.LastIndexOf('.');
        return dot > 0 ? instanceType[..dot] : instanceType;
    }

    private static (string Prefix, int Generation) Split(string family)
    {
        ArgumentNullException.ThrowIfNull(family);
        var name = family.StartsWith("ecs.", StringComparison.Ordinal) ? family[4..] : family;
        foreach (var platform in (string[])["ebm", "scc"])
        {
            if (name.StartsWith(platform, StringComparison.Ordinal) && name.Length > platform.Length)
            {
                name = name[platform.Length..];
                break;
            }
        }

        var letters = 0;
        while (letters < name.Length && char.IsAsciiLetterLower(name[letters]))
        {
            letters++;
        }

        var digits = letters;
        while (digits < name.Length && char.IsAsciiDigit(name[digits]))
        {
            digits++;
        }

        var generation = digits > letters ? int.Parse(name.AsSpan(letters, digits - letters), CultureInfo.InvariantCulture) : 0;
        return (name[..letters], generation);
    }
}
