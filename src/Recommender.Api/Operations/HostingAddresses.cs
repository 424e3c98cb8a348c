using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Recommender.Api.Operations;

/// <summary>
/// The API's listen addresses as ASP.NET would take them (<c>urls</c>, else <c>http_ports</c>/<c>https_ports</c>, else
/// <see cref="OperationsExtensions.DefaultUrl"/>), for when endpoints are also set in code: Kestrel then ignores
/// those settings (and warns that it does), so they are listened on here the way Kestrel would. The host keeps its own
/// copy of the command line's <c>--urls</c>, so the settings cannot be emptied to silence that warning.
/// </summary>
public static class HostingAddresses
{
    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = Split(configuration["urls"]);
        if (urls.Count > 0)
        {
            return urls;
        }

        List<string> ports =
        [
            .. Split(configuration["http_ports"]).Select(p => $"http://*:{p}"),
            .. Split(configuration["https_ports"]).Select(p => $"https://*:{p}"),
        ];
        return ports.Count > 0 ? ports : [OperationsExtensions.DefaultUrl];
    }

    /// <summary>Listens on each address as Kestrel does: <c>localhost</c> on both loopbacks, an IP on itself, any other host on every interface.</summary>
    public static void Listen(KestrelServerOptions kestrel, IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            var parsed = BindingAddress.Parse(address);
            if (parsed.PathBase.Length > 0)
            {
                throw new InvalidOperationException($"A listen address cannot have a path ('{address}').");
            }

            Action<ListenOptions> configure = string.Equals(parsed.Scheme, "https", StringComparison.OrdinalIgnoreCase)
                ? listen => listen.UseHttps()
                : _ => { };
            if (parsed.IsUnixPipe)
            {
                kestrel.ListenUnixSocket(parsed.UnixPipePath, configure);
            }
            else if (string.Equals(parsed.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(parsed.Port, configure);
            }
            else if (IPAddress.TryParse(parsed.Host.Trim('[', ']'), out var ip))
            {
                kestrel.Listen(ip, parsed.Port, configure);
            }
            else
            {
                kestrel.ListenAnyIP(parsed.Port, configure);
            }
        }
    }

    private static List<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
