namespace Recommender.Api.GraphQL.ScaleOut;

/// <summary>Reads fields of a parsed input object (GraphQL.NET's dictionary) with the field's default when absent.</summary>
internal static class InputValues
{
    public static T Get<T>(this IDictionary<string, object?> value, string name, T fallback) =>
        value.TryGetValue(name, out var v) && v is not null ? (T)Convert(v, typeof(T)) : fallback;

    public static IReadOnlyList<T>? List<T>(this IDictionary<string, object?> value, string name) =>
        value.TryGetValue(name, out var v) && v is System.Collections.IEnumerable items and not string
            ? [.. items.Cast<object?>().Where(i => i is not null).Select(i => (T)Convert(i!, typeof(T)))]
            : null;

    private static object Convert(object v, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        return type.IsInstanceOfType(v) ? v
            : type == typeof(double) ? System.Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)
            : type == typeof(int) ? System.Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)
            : v;
    }
}
