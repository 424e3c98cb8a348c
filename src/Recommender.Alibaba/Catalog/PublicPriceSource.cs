using Microsoft.Extensions.Options;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Catalog;

/// <summary>Reads <see cref="AlibabaOptions.PublicPriceFile"/> (URL or path) when configured.</summary>
public sealed class PublicPriceSource(HttpClient http, IOptions<AlibabaOptions> options)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.PublicPriceFile);

    public async Task<PublicPriceFile> LoadAsync(ApiCallMeter meter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var location = options.Value.PublicPriceFile ?? throw new InvalidOperationException("Alibaba:PublicPriceFile is not set.");
        byte[] bytes;
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            meter.Increment();
            try
            {
                bytes = await http.GetByteArrayAsync(uri, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                // The file is fetched without credentials, so nothing of ours can be echoed; the reason phrase in the
                // message is still upstream text, hence the length bound and control-character flattening.
                throw new CloudApiException(
                    AlibabaErrorCodes.ClientConnection,
                    CredentialRedactor.Redact($"Public price file {uri}: {e.Message}"),
                    httpStatus: (int?)e.StatusCode,
                    isTransient: true,
                    inner: e);
            }
        }
        else
        {
            try
            {
                bytes = await File.ReadAllBytesAsync(location, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CloudApiException(AlibabaErrorCodes.ClientConnection, $"Public price file {location}: {e.Message}", isTransient: true, inner: e);
            }
        }

        return PublicPriceFile.Parse(bytes);
    }
}
