using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Alibaba;

/// <summary>Small pieces shared by the CS answers: times, ids, page objects, paging of a list.</summary>
internal static class CsJson
{
    /// <summary>RFC 3339 with an offset, as CS writes <c>created</c>/<c>updated</c>.</summary>
    public static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><paramref name="prefix"/> plus random lower-case hex, e.g. <c>c</c> + 32 for clusters, <c>np</c> + 32 for pools.</summary>
    public static string NewId(string prefix, int hexDigits) =>
        prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((hexDigits + 1) / 2))[..hexDigits];

    public static JsonObject Page(int number, int size, int total) => new()
    {
        ["page_number"] = number,
        ["page_size"] = size,
        ["total_count"] = total,
    };

    /// <summary>Reads a 1-based page number and a page size (default and range per API) from the query.</summary>
    public static (int Number, int Size) Paging(IReadOnlyDictionary<string, string> query, string numberName, string sizeName, int defaultSize, int maxSize)
    {
        var number = QueryInt(query, numberName, 1, 1, int.MaxValue);
        var size = QueryInt(query, sizeName, defaultSize, 1, maxSize);
        return (number, size);
    }

    /// <summary>An integer query parameter in <paramref name="min"/>..<paramref name="max"/>, else 400 <c>InvalidParameter</c>.</summary>
    public static int QueryInt(IReadOnlyDictionary<string, string> query, string name, int fallback, int min, int max)
    {
        if (!query.TryGetValue(name, out var text) || text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw CsErrors.Invalid(name, $"'{text}' is not a number in {min}..{max}.");
    }
}
