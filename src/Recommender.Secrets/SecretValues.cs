using System.Collections.Frozen;

namespace Recommender.Secrets;

/// <summary>
/// The write-only part of a secret: field name to value. Never printed: <see cref="ToString"/> names the fields only,
/// so a value cannot reach a log line or an exception message by accident.
/// </summary>
public sealed class SecretValues
{
    private readonly FrozenDictionary<string, string> values;

    public SecretValues(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        this.values = values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Fields => values.Keys.Order(StringComparer.Ordinal);

    public int Count => values.Count;

    public string? this[string field] => values.GetValueOrDefault(field);

    /// <summary>The pairs, for the store that writes them and the credential source that reads them; nothing else.</summary>
    public IReadOnlyDictionary<string, string> Reveal() => values;

    public override string ToString() => $"SecretValues {{ {string.Join(", ", Fields)} }}";
}
