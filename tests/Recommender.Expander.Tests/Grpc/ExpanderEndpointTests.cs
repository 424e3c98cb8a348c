using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Core.Catalog;
using Recommender.Core.Consultations;
using Recommender.Expander.Grpc;
using Recommender.Expander.Tests.Generations;
using Recommender.Testing.Builders;
using static Recommender.Expander.Tests.KubeObjects;
using static Recommender.Testing.Builders.InstanceTypes;

namespace Recommender.Expander.Tests.Grpc;

/// <summary>Through a real gRPC client over TLS on loopback, as CA calls it.</summary>
public sealed class ExpanderEndpointTests : IAsyncLifetime
{
    private static readonly CatalogSnapshot Snapshot = new CatalogBuilder()
        .WithRegion(
        [
            New("ecs.g7.large", WithPrice(0.10m)),
            New("ecs.c7.large", WithResources(2, 4), WithPrice(0.08m)),
            New("ecs.g7.xlarge", WithResources(4, 16), WithPrice(0.20m)),
        ])
        .Build();

    private static readonly Offer[] Offers =
    [
        new("general", 1, Template("ecs.g7.large"), Requests.Pods(2)),
        new("compute", 1, Template("ecs.c7.large", memory: "4294967296"), Requests.Pods(2)),
        new("big", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Requests.Pods(2)),
    ];

    private ExpanderHost host = null!;

    public async Task InitializeAsync() => host = await ExpanderHost.StartAsync(Snapshot);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task CA_1_35_and_later_bytes_fields_only()
    {
        var request = new BestOptionsRequestV135();
        foreach (var offer in Offers)
        {
            var option = new OptionV135 { NodeGroupId = offer.Group, NodeCount = offer.Count };
            option.PodBytes.AddRange(offer.Pods.Select(p => p.ToByteString()));
            request.Options.Add(option);
            request.NodeBytesMap[offer.Group] = offer.Template!.ToByteString();
        }

        var response = await host.CallAsync(Methods.BestOptions<BestOptionsRequestV135, BestOptionsResponseAny>(BestOptionsResponseAny.Parser), request);

        Assert.Equal("compute", Assert.Single(response.Options).NodeGroupId);
    }

    [Fact]
    public async Task CA_1_24_to_1_34_1_embedded_Kubernetes_types()
    {
        var request = new BestOptionsRequestV124();
        foreach (var offer in Offers)
        {
            var option = new OptionV124 { NodeGroupId = offer.Group, NodeCount = offer.Count, Debug = "d" };
            option.Pod.AddRange(offer.Pods);
            request.Options.Add(option);
            request.NodeMap[offer.Group] = offer.Template!;
        }

        var response = await host.CallAsync(Methods.BestOptions<BestOptionsRequestV124, BestOptionsResponseAny>(BestOptionsResponseAny.Parser), request);

        Assert.Equal("compute", Assert.Single(response.Options).NodeGroupId);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("(fields 2/4, CA 1.24-1.34)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CA_1_34_2_to_1_34_5_both_with_the_same_content()
    {
        var request = new BestOptionsRequestV1342();
        foreach (var offer in Offers)
        {
            var option = new OptionV1342 { NodeGroupId = offer.Group, NodeCount = offer.Count };
            option.Pod.AddRange(offer.Pods);
            option.PodBytes.AddRange(offer.Pods.Select(p => p.ToByteString()));
            request.Options.Add(option);
            request.NodeMap[offer.Group] = offer.Template!;
            request.NodeBytesMap[offer.Group] = offer.Template!.ToByteString();
        }

        var response = await host.CallAsync(Methods.BestOptions<BestOptionsRequestV1342, BestOptionsResponseAny>(BestOptionsResponseAny.Parser), request);

        Assert.Equal("compute", Assert.Single(response.Options).NodeGroupId);
        Assert.Contains(host.Logs.Lines, l => l.Message.Contains("3 options, 3 templates, 6 pods (fields 2-5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_answer_echoes_the_chosen_option_without_its_pods()
    {
        var response = await host.BestOptionsAsync(Requests.Of(Offers));

        var option = Assert.Single(response.Options);
        Assert.Equal(("compute", 1, "compute debug"), (option.NodeGroupId, option.NodeCount, option.Debug));
        Assert.Empty(option.PodBytes);
        Assert.Empty(option.Pod);
    }

    [Fact]
    public async Task Each_call_lands_in_the_decision_log_with_the_prices_compared()
    {
        await host.BestOptionsAsync(Requests.Of(Offers));
        await host.BestOptionsAsync(new BestOptionsRequest());

        var log = host.Services.GetRequiredService<IConsultationLog>();
        var page = await log.ListAsync(null, "cluster-autoscaler", 10, null, CancellationToken.None);
        Assert.Equal(2, page.Items.Count);
        var priced = page.Items.Single(c => c.Outcome == "Cheapest");
        Assert.Equal(ConsultationKind.Expander, priced.Kind);
        Assert.Equal("compute", priced.Answer);
        Assert.Contains("general ecs.g7.large OnDemand", priced.Why, StringComparison.Ordinal);
        Assert.Contains("big ecs.g7.xlarge", priced.Why, StringComparison.Ordinal);
        Assert.Equal(Snapshot.Regions[0].Version, priced.CatalogVersion);
        Assert.Equal(0.08m, priced.AddedHourlyPrice);
        Assert.Equal("no option", page.Items.Single(c => c.Outcome == "NoOptions").Answer);
        Assert.Contains(host.Logs.Lines, e => e.Message.Contains("Consultation Expander", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ties_and_fallbacks_hold_only_offered_options()
    {
        var tie = await host.BestOptionsAsync(Requests.Of(Offers[1], Offers[1] with { Group = "compute-2" }));
        // The map holds templates of groups that are not offered: they are never answered.
        var fallbackRequest = Requests.Of(new Offer("unknown", 1, Template("ecs.zz9.large"), Requests.Pods(1)), new Offer("missing", 1, null));
        fallbackRequest.NodeBytesMap["not-offered"] = Template("ecs.c7.large").ToByteString();
        var fallback = await host.BestOptionsAsync(fallbackRequest);

        Assert.Equal(["compute", "compute-2"], tie.Options.Select(o => o.NodeGroupId));
        Assert.Equal(["unknown", "missing"], fallback.Options.Select(o => o.NodeGroupId));
    }

    [Fact]
    public async Task No_options_get_an_empty_answer()
    {
        var request = new BestOptionsRequest();
        request.NodeBytesMap["general"] = Template("ecs.g7.large").ToByteString();

        var response = await host.BestOptionsAsync(request);

        Assert.Empty(response.Options);
    }

    [Fact]
    public async Task Malformed_protobuf_is_INVALID_ARGUMENT()
    {
        var truncated = Requests.Of(Offers).ToByteArray()[..^7];

        var error = await Assert.ThrowsAsync<RpcException>(() => host.CallAsync(Methods.RawBestOptions, truncated));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("not a grpcplugin.BestOptionsRequest", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_without_a_node_group_are_INVALID_ARGUMENT()
    {
        var request = Requests.Of(Offers[0] with { Group = "" });

        var error = await Assert.ThrowsAsync<RpcException>(() => host.BestOptionsAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("nodeGroupId", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MB_request_is_answered()
    {
        // Pods carrying 1 MB annotations each: about 50 MB in one message, under the 64 MB default.
        var big = Pending("annotated");
        big.Metadata.Annotations.Add("kubectl.kubernetes.io/last-applied-configuration", new string('x', 1024 * 1024));
        var request = Requests.Of(Offers);
        for (var i = 0; i < 50; i++)
        {
            big.Metadata.Name = $"annotated-{i}";
            request.Options[i % 3].PodBytes.Add(big.ToByteString());
        }

        Assert.InRange(request.CalculateSize(), 50_000_000, 60_000_000);
        var response = await host.BestOptionsAsync(request, DateTime.UtcNow.AddSeconds(30));

        Assert.Single(response.Options);
    }

    [Fact]
    public async Task The_deadline_is_honoured()
    {
        // Connected first, so the deadline is spent on the server and not on the TLS handshake.
        await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        using var gate = new ManualResetEventSlim();
        host.Catalog.HoldNextRead(gate);
        try
        {
            var started = DateTime.UtcNow;
            var error = await Assert.ThrowsAsync<RpcException>(() => host.BestOptionsAsync(Requests.Of(Offers), DateTime.UtcNow.AddMilliseconds(500)));

            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
            // The server's own deadline (from grpc-timeout) has passed too by now, whichever of it and the client's
            // reset cancels the call first.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            gate.Set();
        }

        // The server stops at its next check instead of pricing for an answer nobody reads.
        await WaitForAsync(() => host.Logs.Lines.Any(l => l.Message.Contains("was cancelled", StringComparison.Ordinal)));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains(": Cheapest:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_checking_says_SERVING()
    {
        var health = new Health.HealthClient(host.Channel);

        var server = await health.CheckAsync(new HealthCheckRequest());
        var service = await health.CheckAsync(new HealthCheckRequest { Service = ExpanderProtocol.ServiceName });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, server.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, service.Status);
    }

    [Fact]
    public async Task TLS_offers_h2_and_the_certificate_names_its_DNS_SAN()
    {
        Assert.Equal(SslApplicationProtocol.Http2, await HandshakeAsync(TestCertificate.DnsName));
        await Assert.ThrowsAnyAsync<Exception>(() => HandshakeAsync("other.test"));
    }

    [Fact]
    public async Task The_expander_port_serves_nothing_else()
    {
        using var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, errors) => TestCertificate.Validate(certificate, errors) },
        };
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://localhost:{host.Port}/healthz")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<SslApplicationProtocol> HandshakeAsync(string serverName)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, host.Port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = serverName,
            ApplicationProtocols = [SslApplicationProtocol.Http2, SslApplicationProtocol.Http11],
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => TestCertificate.Validate(certificate, errors),
        });
        return tls.NegotiatedApplicationProtocol;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
