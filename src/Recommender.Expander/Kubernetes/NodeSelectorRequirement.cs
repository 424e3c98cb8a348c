using System.Globalization;

namespace Recommender.Expander.Kubernetes;

/// <summary>One expression of a required node affinity term: In, NotIn, Exists, DoesNotExist, Gt or Lt on a node label.</summary>
public sealed record NodeSelectorRequirement(string Key, string Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => present && Values.Contains(value!, StringComparer.Ordinal),
            "NotIn" => !present || !Values.Contains(value!, StringComparer.Ordinal),
            "Exists" => present,
            "DoesNotExist" => !present,
            "Gt" => present && Compare(value!) is { } c && c > 0,
            "Lt" => present && Compare(value!) is { } c && c < 0,
            _ => false,
        };
    }

    /// <summary>Gt/Lt compare the label and the single value as integers; anything else does not match.</summary>
    private int? Compare(string label) =>
        Values.Count == 1
        && long.TryParse(label, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left)
        && long.TryParse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var right)
            ? left.CompareTo(right)
            : null;
}
