using System.Net;
using System.Net.Sockets;
using GraphQL;
using Microsoft.Extensions.Options;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Recommendations;

/// <summary>
/// Whose quota a recommendation counts against: an opaque key the store only compares. The token's subject
/// (<c>sub:…</c>) when the request has one, else the client's address (<c>ip:…</c>); the prefixes keep the two apart.
/// </summary>
public static class CallerKey
{
    /// <summary>Callers whose address is unknown (none reported by the server) share this key.</summary>
    public const string Unknown = "ip:unknown";

    /// <summary>Bytes of an IPv6 address kept: its /64 network.</summary>
    private const int Ipv6NetworkBytes = 8;

    public static string Of(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subject = context.User?.Identity is { IsAuthenticated: true } && context.RequestServices?.GetService<IOptions<IdentityOptions>>() is { } identity
            ? CallerIdentity.From(context.User, identity.Value)?.Subject
            : null;
        if (subject is not null)
        {
            return $"sub:{subject}";
        }

        var http = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        return FromAddress(http?.Connection.RemoteIpAddress);
    }

    /// <summary>
    /// IPv4 as is, also when it arrives IPv4-mapped on a dual-stack socket (::ffff:203.0.113.7 is 203.0.113.7); IPv6 as
    /// its /64 network without scope, because one host is usually given a whole /64 and may use any address in it, so
    /// a per-address bound would be no bound.
    /// </summary>
    public static string FromAddress(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "ip:" + address;
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, Ipv6NetworkBytes, bytes.Length - Ipv6NetworkBytes);
        return $"ip:{new IPAddress(bytes)}/64";
    }
}
