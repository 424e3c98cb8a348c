using System.Globalization;
using Recommender.Core.Errors;

namespace Recommender.Provisioning.Preflight;

/// <summary>A pool's price per node-hour moved by at least the margin since the layout was quoted; nothing was created.</summary>
public sealed class PriceDriftedException(string pool, string instanceType, decimal quoted, decimal current, decimal margin)
    : RecommenderException(string.Create(
        CultureInfo.InvariantCulture,
        $"The price of pool '{pool}' ({instanceType}) moved from {quoted} to {current} per node-hour ({PercentOf(quoted, current):+0.##;-0.##}%), more than the {margin * 100:0.##}% allowed; recommend again."))
{
    public string Pool { get; } = pool;

    public string InstanceType { get; } = instanceType;

    public decimal Quoted { get; } = quoted;

    public decimal Current { get; } = current;

    /// <summary>Signed change in percent of the quoted price.</summary>
    public decimal Percent { get; } = PercentOf(quoted, current);

    public decimal Margin { get; } = margin;

    public override string Code => ProvisioningErrorCodes.PriceDrifted;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["pool"] = Pool,
        ["instanceType"] = InstanceType,
        ["quoted"] = Quoted,
        ["current"] = Current,
        ["percent"] = Math.Round(Percent, 2),
        ["margin"] = Margin,
    };

    private static decimal PercentOf(decimal quoted, decimal current) => quoted == 0 ? (current == 0 ? 0 : 100) : (current - quoted) / quoted * 100;
}
