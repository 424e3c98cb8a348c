using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>
/// ECS facts the contract now states (§3.3, §6): DescribeInstanceTypes takes no RegionId and honours its filters; the
/// gateway accepts <c>ACS3-HMAC-SM3</c> signatures (SM3 checked against published vectors).
/// </summary>
public sealed class EcsContractFactsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_client_reads_the_global_catalogue_without_a_RegionId()
    {
        await using var host = await AlibabaTestHost.StartAsync(new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", 150, 2, DateTimeOffset.UtcNow)]));

        var types = await host.Ecs.DescribeInstanceTypesAsync("cn-hangzhou", null, None);

        Assert.Equal(150, types.Count);
        Assert.All(host.Emulator.Counters.Requests, r => Assert.Equal(("DescribeInstanceTypes", string.Empty, 200), (r.Action, r.Region, r.Status)));
    }

    /// <summary>Synthetic sizes have 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128 vCPUs; r families 8 GiB per vCPU.</summary>
    [Theory]
    [InlineData("InstanceTypeFamily=ecs.g9", 11)]
    [InlineData("InstanceTypeFamilies.1=ecs.g9&InstanceTypeFamilies.2=ecs.c9", 22)]
    [InlineData("InstanceTypes.1=ecs.g9.large&InstanceTypes.2=ecs.c9.xlarge&InstanceTypes.3=ecs.nothing.large", 2)]
    [InlineData("InstanceTypeFamily=ecs.g9&MinimumCpuCoreCount=16&MaximumCpuCoreCount=48", 4)]
    [InlineData("InstanceTypeFamily=ecs.r9&MinimumMemorySize=256", 5)]
    [InlineData("CpuArchitecture=ARM&InstanceTypeFamily=ecs.g9y", 11)]
    [InlineData("CpuArchitecture=ARM&InstanceTypeFamily=ecs.g9", 0)]
    public async Task DescribeInstanceTypes_honours_its_filters_across_pages(string filters, int expected)
    {
        await using var host = await AlibabaTestHost.StartAsync(new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", 400, 2, DateTimeOffset.UtcNow)]));
        var client = host.Services.GetRequiredService<OpenApiClient>();
        var parameters = filters.Split('&').Select(f => f.Split('=')).Select(f => new KeyValuePair<string, string>(f[0], f[1])).ToList();
        parameters.Add(new("MaxResults", "4"));

        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await client.CallAsync(
                new RpcCall(EcsClient.Product, EcsClient.Version, "DescribeInstanceTypes", "cn-hangzhou", token is null ? parameters : [.. parameters, new("NextToken", token)]),
                EcsJsonContext.Default.DescribeInstanceTypesResponse,
                null,
                None);
            names.AddRange(page.InstanceTypes?.InstanceType?.Select(t => t.InstanceTypeId) ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        Assert.Equal(expected, names.Distinct().Count());
        Assert.Equal(expected, names.Count);
        Assert.All(names, n => Assert.Contains(n, SyntheticCatalog.Types().Take(400).Select(t => t.Name)));
    }

    [Theory]
    [InlineData("abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0")]
    [InlineData("abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd", "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732")]
    [InlineData("test", "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23")]
    public void SM3_matches_the_published_vectors(string message, string expected) =>
        Assert.Equal(expected, Sm3.HashHex(Encoding.ASCII.GetBytes(message)));

    [Theory]
    [InlineData("/", "DescribeZones", "2014-05-26", "RegionId=cn-hangzhou", null, HttpStatusCode.OK)]
    [InlineData("/clusters", "CreateCluster", "2015-12-15", "",
        """{"name":"sm3","region_id":"cn-hangzhou","cluster_type":"ManagedKubernetes","vpcid":"vpc-1","vswitch_ids":["vsw-1"]}""", HttpStatusCode.OK)]
    public async Task ACS3_HMAC_SM3_signatures_are_accepted_and_a_wrong_one_is_not(
        string path, string action, string version, string query, string? body, HttpStatusCode expected)
    {
        await using var emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", 10, 2, DateTimeOffset.UtcNow)]));
        using var http = new HttpClient();

        foreach (var (secret, status) in new[] { (EcsEmulatorOptions.DefaultAccessKeySecret, expected), ("wrong", HttpStatusCode.BadRequest) })
        {
            using var request = SignSm3(emulator.BaseAddress, path, action, version, query, body, secret);
            using var response = await http.SendAsync(request);
            Assert.Equal(status, response.StatusCode);
        }

        // A rejected signature is logged without a scheme: only verified requests get one.
        Assert.Equal(["V3-SM3", "none"], emulator.Counters.Requests.Select(r => r.Scheme));
        Assert.Equal(1, emulator.Counters.Errors("SignatureDoesNotMatch"));
    }

    /// <summary>V3 with SM3 for the body hash, the canonical request hash and the HMAC (contract §1.1, §6).</summary>
    private static HttpRequestMessage SignSm3(Uri baseAddress, string path, string action, string version, string query, string? body, string secret)
    {
        var uri = new Uri(baseAddress, query.Length == 0 ? path : $"{path}?{query}");
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var hash = Sm3.HashHex(bytes);
        List<KeyValuePair<string, string>> headers =
        [
            new("host", uri.Authority), new("x-acs-action", action), new("x-acs-version", version),
            new("x-acs-date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")), new("x-acs-content-sha256", hash),
        ];
        if (body is not null)
        {
            headers.Add(new("content-type", "application/json"));
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        var canonical = AcsSignature.V3CanonicalRequest(HttpMethod.Post.Method, path == "/" ? "/" : AcsPercentEncoder.EncodePath(path), parameters, headers, hash);
        var stringToSign = $"{SignatureVerifier.Sm3Algorithm}\n{Sm3.HashHex(Encoding.UTF8.GetBytes(canonical))}";
        var signature = Convert.ToHexStringLower(Sm3.Hmac(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
        var request = new HttpRequestMessage(HttpMethod.Post, uri);
        foreach (var (name, value) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        var signed = string.Join(';', headers.Select(h => h.Key).Order(StringComparer.Ordinal));
        request.Headers.TryAddWithoutValidation(
            "Authorization", $"{SignatureVerifier.Sm3Algorithm} Credential={EcsEmulatorOptions.DefaultAccessKeyId},SignedHeaders={signed},Signature={signature}");
        return request;
    }
}
