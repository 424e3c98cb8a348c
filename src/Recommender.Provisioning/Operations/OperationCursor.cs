using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Recommender.Core.Errors;

namespace Recommender.Provisioning.Operations;

/// <summary>
/// Where a page of a listing ended: the creation time (microseconds since the Unix epoch) and id of its last item,
/// base64url-encoded so clients treat it as opaque. The next page starts strictly after it in (created, id) descending order.
/// </summary>
internal readonly record struct OperationCursor(long CreatedMicros, string Id)
{
    public static OperationCursor After(ProvisioningOperation last) => new(ToMicros(last.CreatedAt), last.Id);

    public static long ToMicros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);

    public static OperationCursor? Parse(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && dot < text.Length - 1 &&
                long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var micros))
            {
                return new OperationCursor(micros, text[(dot + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new ValidationException("cursor", "is not a cursor of this listing.");
    }

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CreatedMicros}.{Id}")));
}
