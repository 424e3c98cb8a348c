using System.Globalization;
using System.Text;
using Recommender.Core.Errors;

namespace Recommender.Core.Consultations;

/// <summary>
/// Opaque page cursors over a cluster's consultations: base64 of "unix-ms:id" of the last item seen. The next page
/// holds what is strictly older in (time, id) order, so new consultations never shift a page.
/// </summary>
public static class ConsultationCursor
{
    public static string Encode(Consultation consultation)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{consultation.At.ToUnixTimeMilliseconds()}:{consultation.Id}")));
    }

    /// <summary>The position a cursor stands for; BAD_USER_INPUT naming <c>after</c> when it is not one of ours.</summary>
    public static (long UnixMs, string Id) Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1
            && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? (ms, text[(colon + 1)..])
            : throw Invalid();
    }

    /// <summary>Whether <paramref name="c"/> comes after the cursor's position in newest-first order.</summary>
    public static bool IsAfter(Consultation c, (long UnixMs, string Id) position)
    {
        ArgumentNullException.ThrowIfNull(c);
        var ms = c.At.ToUnixTimeMilliseconds();
        return ms < position.UnixMs || (ms == position.UnixMs && string.CompareOrdinal(c.Id, position.Id) < 0);
    }

    private static ValidationException Invalid() => new("after", "not a cursor of consultations; pass an endCursor or edge cursor from a previous page.");
}
