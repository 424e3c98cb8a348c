using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Recommender.Expander.Hosting;

/// <summary>The expander's Kestrel endpoint: HTTP/2 only over TLS (so ALPN offers <c>h2</c>, which grpc-go requires), no client certificate.</summary>
public static class ExpanderEndpoint
{
    /// <summary>
    /// HTTP/2 flow-control windows. Kestrel's defaults (128 KiB per connection, 96 KiB per stream) make a 9 MB request
    /// wait on dozens of window updates; these let CA send a large request in a few round trips. They apply to every
    /// HTTP/2 connection of the server, and the API's own endpoint speaks HTTP/1.1.
    /// </summary>
    public const int ConnectionWindowBytes = 32 * 1024 * 1024;

    public const int StreamWindowBytes = 16 * 1024 * 1024;

    public static void ListenExpander(this KestrelServerOptions kestrel, ExpanderOptions options)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(options);
        var certificate = ExpanderCertificate.Load(options);
        kestrel.Limits.Http2.InitialConnectionWindowSize = Math.Max(kestrel.Limits.Http2.InitialConnectionWindowSize, ConnectionWindowBytes);
        kestrel.Limits.Http2.InitialStreamWindowSize = Math.Max(kestrel.Limits.Http2.InitialStreamWindowSize, StreamWindowBytes);
        Action<ListenOptions> configure = listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificate = certificate,
                ClientCertificateMode = ClientCertificateMode.NoCertificate,
            });
        };

        switch (options.Address)
        {
            case "*" or "+" or "":
                kestrel.ListenAnyIP(options.Port, configure);
                break;
            case "localhost":
                kestrel.ListenLocalhost(options.Port, configure);
                break;
            default:
                kestrel.Listen(IPAddress.Parse(options.Address), options.Port, configure);
                break;
        }
    }
}
