using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Recommender.Api.Tests;

/// <summary>Over a real socket (Kestrel), in the Development environment the factory runs by default.</summary>
public sealed class RealSocketTests
{
    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_a_typed_408_with_no_stack_trace()
    {
        using var api = new ApiFactory();
        var address = Start(api);

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, address.Port);
        const string head = "POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head + "{\"query\":"));
        var answer = await ReadResponseAsync(socket);

        Assert.True(answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
        Assert.Contains("\"code\":\"REQUEST_TIMEOUT\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_carry_no_runtime_internal_series()
    {
        using var api = new ApiFactory();
        var address = Start(api);
        using var client = new HttpClient { BaseAddress = address };

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("system_runtime", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("private_internaldiagnostics", metrics, StringComparison.Ordinal);
    }

    /// <summary>Starts the app on Kestrel at a free loopback port and returns its address.</summary>
    private static Uri Start(ApiFactory api)
    {
        api.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            // Kestrel's default grace is 5 s; the shortest it accepts keeps the test short.
            o.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(2));
        });
        api.StartServer();
        return new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Status line, headers and a Content-Length body (the server may keep the connection open).</summary>
    private static async Task<string> ReadResponseAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            var all = text.ToString();
            var end = all.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var length = Regex.Match(all, "(?im)^content-length: *(\\d+)");
            if (end >= 0 && length.Success && all.Length - end - 4 >= int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        return text.ToString();
    }
}
