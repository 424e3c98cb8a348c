using System.Globalization;
using System.Text.Json;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Catalog;

/// <summary>
/// Alibaba's public, unauthenticated <c>instancePrice.json</c> (contract §5): <c>pricingInfo</c> keyed
/// <c>region::type::vpc::linux::optimized</c>, prices as strings, <c>hours[0].price</c> the on-demand hourly price.
/// </summary>
public sealed record PublicPriceFile(string Currency, IReadOnlyDictionary<(string Region, string Type), decimal> HourlyLinuxVpc)
{
    public static PublicPriceFile Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray());
            var root = doc.RootElement;
            var currency = root.GetProperty("currency").GetString() ?? throw new JsonException("currency is null");
            var prices = new Dictionary<(string, string), decimal>();
            foreach (var entry in root.GetProperty("pricingInfo").EnumerateObject())
            {
                var key = entry.Name.Split("::");
                if (key.Length != 5 || key[2] != "vpc" || key[3] != "linux" || key[4] != "optimized")
                {
                    continue;
                }

                if (entry.Value.TryGetProperty("hours", out var hours) && hours.GetArrayLength() > 0)
                {
                    var text = hours[0].GetProperty("price").GetString() ?? throw new JsonException($"{entry.Name}: price is null");
                    prices[(key[0], key[1])] = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
                }
            }

            return new PublicPriceFile(currency, prices);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            // Redacted and not attached: the message quotes keys of the file, which is upstream text.
            throw new CloudApiException(
                AlibabaErrorCodes.ClientMalformedResponse,
                CredentialRedactor.Redact($"The public price file is not in the documented layout: {e.Message}"),
                isTransient: false);
        }
    }
}
