using System.Diagnostics;
using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>§11 faults: queued statuses with Vault's headers, path-restricted faults, drops, a failure rate, latency, the request log.</summary>
public sealed class FaultTests : VaultTestBase
{
    [Fact]
    public async Task Fail_next_429_carries_retry_after_and_rate_limit_headers_then_recovers()
    {
        await WriteAsync("app", """{"a":"1"}""");
        Vault.Faults.FailNext(429, count: 2, retryAfter: TimeSpan.FromSeconds(3));

        var first = await GetAsync("secret/data/app");
        AssertError(first, 429, "request path \"secret/data/app\": rate limit quota exceeded");
        Assert.Equal("application/json", first.ContentType);
        Assert.Equal("3", first.Header("Retry-After"));
        Assert.Equal("0", first.Header("X-RateLimit-Remaining"));
        Assert.NotEqual(string.Empty, first.Header("X-RateLimit-Limit"));
        Assert.Equal((Start.ToUnixTimeSeconds() + 3).ToString(System.Globalization.CultureInfo.InvariantCulture), first.Header("X-RateLimit-Reset"));
        Assert.Equal(429, (await GetAsync("secret/data/app")).Status);
        Assert.Equal(200, (await GetAsync("secret/data/app")).Status);
    }

    [Theory]
    [InlineData(500, "internal error")]
    [InlineData(502, "bad gateway")]
    [InlineData(503, "Vault is sealed")]
    [InlineData(412, "required index state not present")]
    public async Task Fail_next_answers_the_status_with_an_errors_body(int status, string message)
    {
        Vault.Faults.FailNext(status);
        var response = await GetAsync("auth/token/lookup-self");
        AssertError(response, status, message);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal(string.Empty, response.Header("Retry-After"));
        Assert.Equal(200, (await GetAsync("auth/token/lookup-self")).Status);
    }

    [Fact]
    public async Task Retry_after_is_sent_with_other_statuses_when_asked()
    {
        Vault.Faults.FailNext(503, retryAfter: TimeSpan.FromMilliseconds(1500));
        Assert.Equal("2", (await GetAsync("sys/health", token: null)).Header("Retry-After"));
    }

    [Fact]
    public async Task Queued_faults_apply_in_order()
    {
        Vault.Faults.FailNext(500);
        Vault.Faults.FailNext(502);
        Assert.Equal(500, (await GetAsync("sys/health", token: null)).Status);
        Assert.Equal(502, (await GetAsync("sys/health", token: null)).Status);
        Assert.Equal(200, (await GetAsync("sys/health", token: null)).Status);
    }

    [Fact]
    public async Task A_path_prefix_restricts_the_fault()
    {
        await WriteAsync("app", """{"a":"1"}""");
        Vault.Faults.FailNext(500, pathPrefix: "/v1/secret/data/");
        Assert.Equal(200, (await GetAsync("sys/health", token: null)).Status);
        Assert.Equal(200, (await GetAsync("secret/metadata/app")).Status);
        Assert.Equal(500, (await GetAsync("secret/data/app")).Status);
        Assert.Equal(200, (await GetAsync("secret/data/app")).Status);
    }

    [Fact]
    public async Task Drop_next_closes_the_connection_without_an_answer()
    {
        Assert.Equal(200, (await GetAsync("sys/health", token: null)).Status);
        Vault.Faults.DropNext(1, pathPrefix: "secret/");
        await Assert.ThrowsAsync<HttpRequestException>(() => GetAsync("secret/data/app"));
        AssertEmptyNotFound(await GetAsync("secret/data/app"));
        Assert.Equal([200, 0, 404], Vault.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Failure_rate_fails_requests_until_reset()
    {
        Vault.Faults.FailureRate = 1;
        Vault.Faults.FailureRateStatus = 502;
        Assert.Equal(502, (await GetAsync("sys/health", token: null)).Status);
        Assert.Equal(502, (await GetAsync("secret/data/x")).Status);
        Vault.Faults.Reset();
        Assert.Equal(200, (await GetAsync("sys/health", token: null)).Status);
    }

    [Fact]
    public async Task Half_failure_rate_fails_some_and_not_all()
    {
        Vault.Faults.FailureRate = 0.5;
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await GetAsync("sys/health", token: null)).Status);
        }

        Assert.Contains(500, statuses);
        Assert.Contains(200, statuses);
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        Vault.Faults.Latency = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await GetAsync("sys/health", token: null)).Status);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task The_request_log_has_method_decoded_path_token_body_and_status()
    {
        var token = Vault.CreateToken(new VaultTokenSpec());
        await PostAsync("secret/data/a%20b", """{"data":{"k":"v"}}""", token);
        await GetAsync("secret/data/a b", token: null);

        var records = Vault.Requests;
        Assert.Equal(2, records.Count);
        Assert.Equal(
            new VaultRequestRecord("POST", "secret/data/a b", null, token, """{"data":{"k":"v"}}""", 200, Start),
            records[0]);
        Assert.Equal(("GET", (string?)null, 403, Start), (records[1].Method, records[1].Token, records[1].Status, records[1].At));
        Vault.ClearRequests();
        Assert.Empty(Vault.Requests);
    }
}
