using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Benchmarks.Solver;
using Recommender.Core.Catalog;
using Recommender.Expander;
using Recommender.Expander.Grpc;
using Recommender.Expander.Hosting;
using Recommender.Expander.Pricing;

namespace Recommender.Benchmarks.Expander;

/// <summary>
/// Plain runner (<c>dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- expander [--options 50]
/// [--pods 200] [--calls 200] [--warmup 20] [--distinct-pods]</c>): CA's BestOptions with that many options, one
/// template each and that many pending pods per option (the same pending pods in every option, as CA offers them,
/// unless <c>--distinct-pods</c>), through a real gRPC client over TLS on loopback to the expander on Kestrel, priced
/// over the synthetic Alibaba-like region (1,000 types). Prints the request size and end-to-end median, p90, p99 and
/// max, with the server's own share (parse, decode and price in process).
/// </summary>
public static class ExpanderBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Int(args, "--options", 50);
        var pods = Int(args, "--pods", 200);
        var calls = Int(args, "--calls", 200);
        var warmup = Int(args, "--warmup", 20);
        var distinct = args.Contains("--distinct-pods");

        var region = SyntheticCatalog.Create();
        var catalog = new FixedCatalog(new CatalogSnapshot([KnownProviders.Alibaba], [region]));
        var request = CaRequest.Create(region, options, pods, distinct);
        var bytes = request.CalculateSize();
        var podKind = distinct ? "distinct" : "the same pending pods in every option";
        Console.WriteLine(Inv($"BestOptions: {options} options, {request.NodeBytesMap.Count} templates, {pods} pods per option ({podKind}), {bytes / 1e6:0.00} MB"));
        Console.WriteLine(Inv($"a pod {request.Options[0].PodBytes[0].Length} bytes, a template {request.NodeBytesMap.Values.First().Length} bytes; {Environment.ProcessorCount} cores, load average {LoadAverage()}"));

        InProcess(catalog, request, calls);

        var directory = Path.Combine(Path.GetTempPath(), $"recommender-expander-bench-{Environment.ProcessId}");
        using var certificate = DevelopmentCertificate.Create(["localhost"], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        var (certificatePath, keyPath) = DevelopmentCertificate.WritePem(certificate, directory);
        var port = FreePort();
        await using var app = await StartAsync(catalog, port, certificatePath, keyPath);
        using var root = X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        using var handler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, c, _, e) => Trusted(root, c, e) } };
        using var channel = GrpcChannel.ForAddress($"https://localhost:{port}", new GrpcChannelOptions { HttpHandler = handler, MaxSendMessageSize = null });
        var invoker = channel.CreateCallInvoker();

        BestOptionsResponse? answer = null;
        for (var i = 0; i < warmup; i++)
        {
            answer = await CallAsync(invoker, request);
        }

        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            answer = await CallAsync(invoker, request);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Console.WriteLine(Inv($"gRPC over TLS, {calls} calls after {warmup} warm-up: {Summary(times)}"));

        Console.WriteLine($"answer: {string.Join(", ", answer!.Options.Select(o => o.NodeGroupId))}");
        Directory.Delete(directory, recursive: true);
        return 0;
    }

    /// <summary>The server's share without the network: parsing the message, then decoding and pricing.</summary>
    private static void InProcess(ICatalog catalog, BestOptionsRequest request, int calls)
    {
        var wire = request.ToByteArray();
        var expander = new PriceExpander(catalog, new TemplatePricer(KnownProviders.Alibaba.Id, null));
        var parse = new double[calls];
        var choose = new double[calls];
        for (var i = -10; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var parsed = BestOptionsRequest.Parser.ParseFrom(wire);
            var parsedAt = Stopwatch.GetTimestamp();
            expander.Choose(parsed, CancellationToken.None);
            if (i >= 0)
            {
                parse[i] = Stopwatch.GetElapsedTime(started, parsedAt).TotalMilliseconds;
                choose[i] = Stopwatch.GetElapsedTime(parsedAt).TotalMilliseconds;
            }
        }

        Console.WriteLine(Inv($"in process, parse: {Summary(parse)}"));

        Console.WriteLine(Inv($"in process, decode and price: {Summary(choose)}"));
    }

    private static Task<BestOptionsResponse> CallAsync(CallInvoker invoker, BestOptionsRequest request) =>
        invoker.AsyncUnaryCall(ExpanderProtocol.BestOptions, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(5)), request).ResponseAsync;

    private static async Task<WebApplication> StartAsync(ICatalog catalog, int port, string certificatePath, string keyPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Expander:Enabled"] = "true",
            ["Expander:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Expander:Address"] = "127.0.0.1",
            ["Expander:CertificatePath"] = certificatePath,
            ["Expander:KeyPath"] = keyPath,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(catalog);
        builder.Services.AddExpander(builder.Configuration);
        var options = builder.Configuration.GetSection(ExpanderOptions.SectionName).Get<ExpanderOptions>()!;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenExpander(options));
        var app = builder.Build();
        app.UseExpander();
        await app.StartAsync();
        return app;
    }

    private static string Summary(double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return Inv($"median {At(0.5):0.0} ms, p90 {At(0.9):0.0} ms, p99 {At(0.99):0.0} ms, max {sorted[^1]:0.0} ms, mean {sorted.Average():0.0} ms");
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

    private static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class FixedCatalog(CatalogSnapshot snapshot) : ICatalog
    {
        public CatalogSnapshot Current { get; } = snapshot;
    }
}
