using System.Text.RegularExpressions;
using Recommender.Core.Errors;

namespace Recommender.Secrets;

/// <summary>
/// The fields each <see cref="SecretType"/> takes (Pipeline's, contract vault.md §10) and the checks a draft must pass
/// before any store sees it. Error messages name the field, never its value.
/// </summary>
public static partial class SecretSchema
{
    public const string AlibabaAccessKeyId = "ALIBABA_ACCESS_KEY_ID";
    public const string AlibabaAccessKeySecret = "ALIBABA_ACCESS_KEY_SECRET";
    public const string AlibabaRegionId = "ALIBABA_REGION_ID";

    /// <summary>Longest name, in characters; Vault keeps the name inside the payload, so this is ours to choose.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest single value: AccessKey ids and secrets are tens of characters, so 4 KiB is generous.</summary>
    public const int MaxValueLength = 4096;

    public const int MaxTags = 32;

    public const int MaxTagLength = 128;

    /// <summary>Tags the service sets itself (clusters it created); callers may not.</summary>
    public const string ReservedTagPrefix = "recommender:";

    private static readonly Dictionary<SecretType, (string[] Required, string[] Optional)> Fields = new()
    {
        [SecretType.Alibaba] = ([AlibabaAccessKeyId, AlibabaAccessKeySecret], [AlibabaRegionId]),
    };

    public static IReadOnlyList<string> RequiredFields(SecretType type) => Fields[type].Required;

    public static IReadOnlyList<string> OptionalFields(SecretType type) => Fields[type].Optional;

    /// <summary>Throws <see cref="ValidationException"/> (argument path under <paramref name="argument"/>) for the first problem found.</summary>
    public static void Validate(SecretDraft draft, string argument = "input")
    {
        ArgumentNullException.ThrowIfNull(draft);
        ValidateName(draft.Name, $"{argument}.name");
        if (!Fields.TryGetValue(draft.Type, out var fields))
        {
            throw new ValidationException($"{argument}.type", $"unknown secret type '{draft.Type}'.");
        }

        foreach (var field in draft.Values.Fields)
        {
            if (!fields.Required.Contains(field, StringComparer.Ordinal) && !fields.Optional.Contains(field, StringComparer.Ordinal))
            {
                throw new ValidationException($"{argument}.values.{Printable(field)}",
                    $"not a field of {draft.Type} secrets; they take {string.Join(", ", fields.Required)} and optionally {string.Join(", ", fields.Optional)}.");
            }
        }

        foreach (var field in fields.Required)
        {
            if (string.IsNullOrWhiteSpace(draft.Values[field]))
            {
                throw new ValidationException($"{argument}.values.{field}", "required and must not be empty.");
            }
        }

        foreach (var field in draft.Values.Fields)
        {
            ValidateValue(draft.Type, field, draft.Values[field]!, $"{argument}.values.{field}");
        }

        ValidateTags(draft.Tags, $"{argument}.tags");
    }

    private static void ValidateName(string? name, string argument)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ValidationException(argument, "required and must not be blank.");
        }

        if (name.Length > MaxNameLength)
        {
            throw new ValidationException(argument, $"at most {MaxNameLength} characters (got {name.Length}).");
        }

        if (name != name.Trim() || name.Any(char.IsControl) || !IsWellFormedUtf16(name))
        {
            throw new ValidationException(argument,
                "must not start or end with white space, and must be Unicode text without control characters.");
        }
    }

    private static void ValidateValue(SecretType type, string field, string value, string argument)
    {
        if (value.Length > MaxValueLength)
        {
            throw new ValidationException(argument, $"at most {MaxValueLength} characters (got {value.Length}).");
        }

        if (type == SecretType.Alibaba)
        {
            var ok = field switch
            {
                AlibabaAccessKeyId => AccessKeyIdShape().IsMatch(value),
                AlibabaAccessKeySecret => AccessKeySecretShape().IsMatch(value),
                AlibabaRegionId => value.Length == 0 || RegionIdShape().IsMatch(value),
                _ => true,
            };
            if (!ok)
            {
                throw new ValidationException(argument, field switch
                {
                    AlibabaAccessKeyId => "an AccessKey id is 8 to 128 letters, digits, '.', '_' or '-' (such as LTAI…).",
                    AlibabaAccessKeySecret => "an AccessKey secret is 8 to 256 printable ASCII characters without spaces.",
                    _ => "a region id such as cn-hangzhou.",
                });
            }
        }
    }

    private static void ValidateTags(IReadOnlyList<string> tags, string argument)
    {
        if (tags.Count > MaxTags)
        {
            throw new ValidationException(argument, $"at most {MaxTags} tags (got {tags.Count}).");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > MaxTagLength || tag.Any(char.IsControl) || !IsWellFormedUtf16(tag))
            {
                throw new ValidationException($"{argument}[{i}]", $"a tag is 1 to {MaxTagLength} characters of text without control characters.");
            }

            if (tag.StartsWith(ReservedTagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new ValidationException($"{argument}[{i}]", $"tags starting with '{ReservedTagPrefix}' are set by the service.");
            }
        }
    }

    /// <summary>An update keeps the name: the id is the name's hash, so a new name is a new secret.</summary>
    public static void RequireSameName(string id, SecretDraft draft, string argument = "input.name")
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!string.Equals(draft.Id, id, StringComparison.Ordinal))
        {
            throw new ValidationException(argument, "a secret's name cannot change (its id is derived from it); create a new secret and delete this one.");
        }
    }

    /// <summary>Tags as stored: distinct, sorted (Pipeline sorts them), so equal sets compare equal.</summary>
    public static IReadOnlyList<string> NormaliseTags(IEnumerable<string> tags) =>
        [.. tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    // A field name comes from the caller; keep it printable and short in the argument path.
    private static string Printable(string field) =>
        field.Length <= 64 && field.All(c => c is >= ' ' and <= '~') ? field : "(unprintable field name)";

    [GeneratedRegex("^[A-Za-z0-9._-]{8,128}$")]
    private static partial Regex AccessKeyIdShape();

    [GeneratedRegex("^[!-~]{8,256}$")]
    private static partial Regex AccessKeySecretShape();

    [GeneratedRegex("^[a-z]{2,}(-[a-z0-9]+)+$")]
    private static partial Regex RegionIdShape();
}
