using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Recommender.Expander.Grpc;
using Recommender.Expander.Hosting;

namespace Recommender.Api.Tests.Expander;

/// <summary>The whole app with <c>Expander:Enabled</c>: the API on its HTTP/1.1 address, the expander on its own TLS port.</summary>
public sealed class ExpanderHostingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"expander-hosting-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_API_keeps_its_address_and_the_expander_answers_on_its_own_port()
    {
        using var certificate = DevelopmentCertificate.Create(["localhost"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        var (certificatePath, keyPath) = DevelopmentCertificate.WritePem(certificate, directory);
        var (apiPort, expanderPort) = (FreePort(), FreePort());
        using var api = new ApiFactory();
        api.Settings["urls"] = $"http://127.0.0.1:{apiPort}";
        api.Settings["Expander:Enabled"] = "true";
        api.Settings["Expander:Port"] = $"{expanderPort}";
        api.Settings["Expander:Address"] = "127.0.0.1";
        api.Settings["Expander:CertificatePath"] = certificatePath;
        api.Settings["Expander:KeyPath"] = keyPath;
        api.UseKestrel();
        api.StartServer();

        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri($"http://127.0.0.1:{apiPort}/healthz")));
        using (var notThere = await http.PostAsync(new Uri($"http://127.0.0.1:{apiPort}/grpcplugin.Expander/BestOptions"), new ByteArrayContent([])))
        {
            Assert.Equal(HttpStatusCode.NotFound, notThere.StatusCode);
        }

        using var root = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, c, _, e) => Trusted(root, c, e) } };
        using var channel = GrpcChannel.ForAddress($"https://localhost:{expanderPort}", new GrpcChannelOptions { HttpHandler = handler });
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        var answer = await channel.CreateCallInvoker().AsyncUnaryCall(ExpanderProtocol.BestOptions, null, default, Request()).ResponseAsync;
        Assert.Equal("priced", Assert.Single(answer.Options).NodeGroupId);
    }

    /// <summary>Two groups in the factory's cn-other region: one of a type the catalog has (ecs.g7.large), one it has not.</summary>
    private static BestOptionsRequest Request()
    {
        var request = new BestOptionsRequest();
        foreach (var (group, type) in new[] { ("unknown", "ecs.zz9.large"), ("priced", "ecs.g7.large") })
        {
            request.Options.Add(new Option { NodeGroupId = group, NodeCount = 1 });
            request.NodeBytesMap[group] = TemplateBytes(type);
        }

        return request;
    }

    /// <summary>A v1.Node with its labels only: metadata (1) → labels (11) entries of key (1) and value (2).</summary>
    private static ByteString TemplateBytes(string instanceType)
    {
        var metadata = new MemoryStream();
        using (var labels = new CodedOutputStream(metadata, leaveOpen: true))
        {
            foreach (var (key, value) in new[] { ("node.kubernetes.io/instance-type", instanceType), ("topology.kubernetes.io/region", "cn-other") })
            {
                var entry = new MemoryStream();
                using (var e = new CodedOutputStream(entry, leaveOpen: true))
                {
                    e.WriteTag(1, WireFormat.WireType.LengthDelimited);
                    e.WriteString(key);
                    e.WriteTag(2, WireFormat.WireType.LengthDelimited);
                    e.WriteString(value);
                }

                labels.WriteTag(11, WireFormat.WireType.LengthDelimited);
                labels.WriteBytes(ByteString.CopyFrom(entry.ToArray()));
            }
        }

        var node = new MemoryStream();
        using (var n = new CodedOutputStream(node, leaveOpen: true))
        {
            n.WriteTag(1, WireFormat.WireType.LengthDelimited);
            n.WriteBytes(ByteString.CopyFrom(metadata.ToArray()));
        }

        return ByteString.CopyFrom(node.ToArray());
    }

    private static bool Trusted(X509Certificate2 root, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
