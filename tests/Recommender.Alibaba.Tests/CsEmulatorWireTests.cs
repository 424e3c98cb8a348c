using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Recommender.Alibaba.OpenApi;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>
/// The CS emulator on the wire, driven with hand-signed V3 requests (not our client): error shapes (gateway vs CS,
/// contract §4.5 and §6), the throttling headers, strict JSON types, routing by method and path.
/// </summary>
public sealed class CsEmulatorWireTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private EcsEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new EcsEmulatorOptions();
        options.Cs.TimeScale = 0;
        emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", 10, 2, DateTimeOffset.UtcNow)]), options);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await emulator.DisposeAsync();
    }

    [Fact]
    public async Task Throttling_on_a_CS_path_has_the_gateway_shape_and_both_wait_headers()
    {
        var faults = emulator.Faults.For("DescribeClustersV1");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs) = (1, 1200);

        using var response = await SendAsync("DescribeClustersV1", HttpMethod.Get, "/api/v1/clusters", "page_size=10");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Throttling.User", body.RootElement.GetProperty("Code").GetString());
        Assert.True(body.RootElement.TryGetProperty("RequestId", out _));
        Assert.True(body.RootElement.TryGetProperty("HostId", out _));
        Assert.Contains("product=CS", body.RootElement.GetProperty("Recommend").GetString(), StringComparison.Ordinal);
        Assert.False(body.RootElement.TryGetProperty("code", out _));
        Assert.Equal("1200", response.Headers.GetValues("x-acs-retry-after").Single());
        Assert.Contains("TimeLeft:1200", response.Headers.GetValues("x-ratelimit-user").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CS_business_error_has_the_lower_case_shape_with_its_status()
    {
        using var response = await SendAsync("DescribeClusterDetail", HttpMethod.Get, "/clusters/cdoesnotexist");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ErrorClusterNotFound", body.RootElement.GetProperty("code").GetString());
        Assert.Equal(404, body.RootElement.GetProperty("status").GetInt32());
        Assert.True(body.RootElement.TryGetProperty("requestId", out _));
        Assert.True(body.RootElement.TryGetProperty("message", out _));
        Assert.False(body.RootElement.TryGetProperty("Code", out _));
    }

    [Theory]
    [InlineData("""{"nodepool_info":{"name":"p"},"scaling_group":{"vswitch_ids":["v"],"instance_types":["ecs.g9.large"],"desired_size":"3"}}""", "scaling_group.desired_size")]
    [InlineData("""{"nodepool_info":{"name":"p"},"scaling_group":{"vswitch_ids":["v"],"instance_types":["ecs.g9.large"],"spot_price_limit":[{"instance_type":"ecs.g9.large","price_limit":0.5}]}}""", "price_limit")]
    [InlineData("""{"nodepool_info":{"name":"p"},"scaling_group":{"vswitch_ids":"v","instance_types":["ecs.g9.large"]}}""", "scaling_group.vswitch_ids")]
    [InlineData("""{"nodepool_info":{"name":"p"},"scaling_group":{"vswitch_ids":["v"],"instance_types":["ecs.g9.large"]},"auto_scaling":{"enable":"yes"}}""", "auto_scaling.enable")]
    [InlineData("""[1,2,3]""", "body")]
    public async Task Fields_of_the_wrong_JSON_type_are_InvalidParameter(string pool, string field)
    {
        var clusterId = await CreateClusterAsync();

        using var response = await SendAsync("CreateClusterNodePool", HttpMethod.Post, $"/clusters/{clusterId}/nodepools", body: pool);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameter", body.RootElement.GetProperty("code").GetString());
        Assert.Contains(field, body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteCluster_answers_202_with_a_JSON_body()
    {
        var clusterId = await CreateClusterAsync();

        using var response = await SendAsync("DeleteCluster", HttpMethod.Delete, $"/clusters/{clusterId}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(clusterId, body.RootElement.GetProperty("cluster_id").GetString());
        Assert.StartsWith("T-", body.RootElement.GetProperty("task_id").GetString(), StringComparison.Ordinal);
        Assert.True(body.RootElement.TryGetProperty("request_id", out _));
    }

    [Theory]
    [InlineData("DescribeClusterDetail", "PATCH", "/clusters/c1")]
    [InlineData("DescribeClusterDetail", "GET", "/clusters/c1/unknown")]
    [InlineData("DeleteCluster", "GET", "/clusters/c1")]
    public async Task An_unknown_route_or_an_action_that_does_not_match_it_is_the_gateways_InvalidApi_NotFound(string action, string method, string path)
    {
        using var response = await SendAsync(action, new HttpMethod(method), path);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("InvalidApi.NotFound", body.RootElement.GetProperty("Code").GetString());
    }

    [Fact]
    public async Task A_bad_signature_on_a_CS_path_has_the_gateway_shape()
    {
        using var response = await SendAsync("DescribeClustersV1", HttpMethod.Get, "/api/v1/clusters", secret: "wrong");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SignatureDoesNotMatch", body.RootElement.GetProperty("Code").GetString());
        Assert.Equal(1, emulator.Counters.Errors("SignatureDoesNotMatch"));
    }

    private async Task<string> CreateClusterAsync()
    {
        const string Body = """{"name":"wire","region_id":"cn-hangzhou","cluster_type":"ManagedKubernetes","vpcid":"vpc-1","vswitch_ids":["vsw-1"]}""";
        using var response = await SendAsync("CreateCluster", HttpMethod.Post, "/clusters", body: Body);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.RootElement.GetProperty("cluster_id").GetString()!;
    }

    /// <summary>A V3-signed CS request built by hand from the published algorithm (contract §1.1).</summary>
    private async Task<HttpResponseMessage> SendAsync(
        string action, HttpMethod method, string path, string query = "", string? body = null, string secret = EcsEmulatorOptions.DefaultAccessKeySecret)
    {
        var uri = new Uri(emulator.BaseAddress, query.Length == 0 ? path : $"{path}?{query}");
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var hash = AcsSignature.Sha256Hex(bytes);
        List<KeyValuePair<string, string>> headers =
        [
            new("host", uri.Authority), new("x-acs-action", action), new("x-acs-version", "2015-12-15"),
            new("x-acs-date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("x-acs-signature-nonce", Guid.NewGuid().ToString("N")), new("x-acs-content-sha256", hash),
        ];
        if (body is not null)
        {
            headers.Add(new("content-type", "application/json"));
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]));
        var canonical = AcsSignature.V3CanonicalRequest(method.Method, AcsPercentEncoder.EncodePath(path), parameters, headers, hash);
        var signature = AcsSignature.V3Signature(secret, AcsSignature.V3StringToSign(canonical));
        using var request = new HttpRequestMessage(method, uri);
        foreach (var (name, value) in headers.Where(h => h.Key is not ("host" or "content-type")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        request.Headers.TryAddWithoutValidation(
            "Authorization", AcsSignature.V3Authorization(EcsEmulatorOptions.DefaultAccessKeyId, headers.Select(h => h.Key), signature));
        return await http.SendAsync(request);
    }
}
