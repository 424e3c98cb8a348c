using System.Collections.Frozen;

namespace Recommender.Alibaba.Catalog;

/// <summary>
/// The baseline share of each vCPU, in percent, for a burstable (credit) type whose DescribeInstanceTypes item lacks
/// <c>BaselineCredit</c> (absent or 0). Per family, the lowest baseline Alibaba documents for any of its types, so a
/// missing figure never overstates what a type sustains (its vCPU then count less than they may, never more):
/// <list type="table">
/// <item><term>ecs.t5</term><description>10 % (t5-lc types; the t5-c types document 15–25 %)</description></item>
/// <item><term>ecs.t6</term><description>5 % (t6-c4m1; the others document 10–40 %)</description></item>
/// <item><term>any other burstable family</term><description>5 %, the lowest of the table</description></item>
/// </list>
/// </summary>
public static class BurstBaselines
{
    /// <summary>For burstable families the table does not know.</summary>
    public const double UnknownFamilyPercent = 5;

    private static readonly FrozenDictionary<string, double> ByFamily = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["ecs.t5"] = 10,
        ["ecs.t6"] = 5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static double Fallback(string family) => ByFamily.GetValueOrDefault(family, UnknownFamilyPercent);
}
