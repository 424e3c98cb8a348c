using System.Globalization;
using System.Text;
using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>
/// Opaque cursors: base64 of "ordering:position", where position counts items of that ordering before filtering. So
/// a cursor stays valid for the next page of the same query, and one taken from another ordering is refused.
/// </summary>
internal static class PageCursor
{
    public static string Encode(InstanceTypeOrder order, int position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Key(order)}:{position.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The position after which the next page starts; throws BAD_USER_INPUT naming <c>after</c>.</summary>
    public static int Decode(string cursor, InstanceTypeOrder order)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var key = Key(order);
        return text.Length > key.Length + 1 && text.StartsWith(key, StringComparison.Ordinal) && text[key.Length] == ':'
            && int.TryParse(text.AsSpan(key.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw Invalid();
    }

    private static string Key(InstanceTypeOrder order) => order.Direction == OrderDirection.Asc ? order.Field.ToString() : $"-{order.Field}";

    private static ValidationException Invalid() =>
        new("after", "not a cursor of this query's ordering; pass an endCursor or edge cursor from a previous page.");
}
