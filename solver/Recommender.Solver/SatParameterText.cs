using System.Globalization;
using System.Text.RegularExpressions;
using Google.OrTools.Sat;
using Google.Protobuf.Reflection;

namespace Recommender.Solver;

/// <summary>
/// Checks CP-SAT parameter text ("name:value name:value", protobuf text format) before the native solver sees it.
/// CP-SAT parses it with a CHECK that aborts the whole process on an unknown name, a bad value or a field given twice,
/// so a typo in configuration would take the service down at its first request; here it is an error at start-up.
/// Names and value types come from <see cref="SatParameters"/>' descriptor, so they follow the OR-Tools version.
/// </summary>
public static partial class SatParameterText
{
    /// <summary>Parameters the solver sets itself (see NodePoolModel): giving them again would be a duplicate field.</summary>
    public static IReadOnlySet<string> SetBySolver { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "max_time_in_seconds", "num_workers", "random_seed", "linearization_level", "search_branching", "relative_gap_limit",
    };

    /// <summary>What is wrong with <paramref name="text"/>, one message per problem; empty when CP-SAT will accept it.</summary>
    public static IReadOnlyList<string> Problems(string? text)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return problems;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var end = 0;
        foreach (Match entry in Entry().Matches(text))
        {
            if (!string.IsNullOrWhiteSpace(text[end..entry.Index]))
            {
                problems.Add($"'{text[end..entry.Index].Trim()}' is not of the form name:value.");
            }

            end = entry.Index + entry.Length;
            var name = entry.Groups["name"].Value;
            var value = entry.Groups["value"].Value;
            var field = SatParameters.Descriptor.FindFieldByName(name);
            if (field is null)
            {
                problems.Add($"'{name}' is not a CP-SAT parameter.");
                continue;
            }

            if (!field.IsRepeated && (SetBySolver.Contains(name) || !seen.Add(name)))
            {
                problems.Add($"'{name}' is given more than once{(SetBySolver.Contains(name) ? " (the solver sets it; use its own option)" : string.Empty)}.");
                continue;
            }

            if (!Accepts(field, value))
            {
                problems.Add($"'{value}' is not a valid {TypeName(field)} for '{name}'.");
            }
        }

        if (!string.IsNullOrWhiteSpace(text[end..]))
        {
            problems.Add($"'{text[end..].Trim()}' is not of the form name:value.");
        }

        return problems;
    }

    /// <summary>Whether <paramref name="name"/> is a value of CP-SAT's search_branching enum.</summary>
    public static bool IsSearchBranching(string? name) =>
        name is not null && SatParameters.Descriptor.FindFieldByName("search_branching").EnumType.FindValueByName(name) is not null;

    private static bool Accepts(FieldDescriptor field, string value) => field.FieldType switch
    {
        FieldType.Bool => value is "true" or "false" or "True" or "False" or "t" or "f" or "1" or "0",
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        FieldType.Double or FieldType.Float => FloatingPoint().IsMatch(value),
        FieldType.Enum => field.EnumType.FindValueByName(value) is not null,
        FieldType.String => value.Length >= 2 && value[0] == '"' && value[^1] == '"',
        _ => false, // nested messages: not needed for tuning, and not worth a text-format parser
    };

    private static string TypeName(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Enum => $"value ({string.Join(", ", field.EnumType.Values.Select(v => v.Name))})",
        FieldType.String => "quoted string",
        _ => field.FieldType.ToString().ToLowerInvariant(),
    };

    [GeneratedRegex("""(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?<value>"[^"]*"|[^\s"]+)""")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^[+-]?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fF]?|inf|infinity|nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex FloatingPoint();
}
