using Recommender.Core.Errors;
using Recommender.Secrets;

namespace Recommender.Api.GraphQL.Secrets;

/// <summary>Turns a <c>SecretInput</c> argument into a <see cref="SecretDraft"/>; the schema checks come after, in the service.</summary>
public static class SecretDrafts
{
    public static SecretDraft FromArgument(IDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = input["values"] as IEnumerable<object?> ?? [];
        var index = 0;
        foreach (var item in items)
        {
            var pair = (IDictionary<string, object?>)item!;
            var field = (string)pair["field"]!;
            if (!values.TryAdd(field, (string)pair["value"]!))
            {
                throw new ValidationException($"input.values[{index}].field", "each field may appear once.");
            }

            index++;
        }

        var tags = input.TryGetValue("tags", out var t) && t is IEnumerable<object?> list ? list.Select(x => (string)x!).ToList() : [];
        return new SecretDraft((string)input["name"]!, (SecretType)input["type"]!, new SecretValues(values), tags);
    }
}
