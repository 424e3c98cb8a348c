using Microsoft.Extensions.Time.Testing;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>The signed client against the emulator: signing, paging, error mapping, retries, cancellation.</summary>
public sealed class OpenApiClientTests
{
    private const string Region = "cn-hangzhou";

    private static EmulatorCatalog Catalog(int types = 30) => new([SyntheticCatalog.Region(Region, types, 3, DateTimeOffset.UtcNow)]);

    [Fact]
    public async Task DescribeInstanceTypes_reads_every_page_of_at_most_100()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog(250));
        var meter = new ApiCallMeter();

        var types = await host.Ecs.DescribeInstanceTypesAsync(Region, meter, CancellationToken.None);

        Assert.Equal(250, types.Select(t => t.InstanceTypeId).Distinct().Count());
        Assert.Equal(3, host.Emulator.Counters.Calls("DescribeInstanceTypes"));
        Assert.Equal(3, meter.Calls);
        Assert.All(host.Emulator.Counters.Requests, r => Assert.Equal("V3", r.Scheme));
    }

    [Fact]
    public async Task A_page_token_loop_fails_cleanly()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog(250));
        host.Emulator.Faults.For("DescribeInstanceTypes").PageTokenLoop = true;

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeInstanceTypesAsync(Region, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientPageTokenLoop, error.VendorCode);
        Assert.Equal(2, host.Emulator.Counters.Calls("DescribeInstanceTypes"));
    }

    [Fact]
    public async Task Unknown_key_maps_by_code_and_is_not_retried()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog(), new() { ["Alibaba:AccessKeyId"] = "unknown-key" });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        Assert.Equal("InvalidAccessKeyId.NotFound", error.VendorCode);
        Assert.Equal(404, error.HttpStatus);
        Assert.False(error.IsTransient);
        Assert.NotNull(error.RequestId);
        Assert.Equal(CloudApiException.ErrorCode, error.Code);
        Assert.Equal(1, host.Emulator.Counters.Total);
    }

    [Fact]
    public async Task Wrong_secret_is_SignatureDoesNotMatch_and_not_retried()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog(), new() { ["Alibaba:AccessKeySecret"] = "wrong" });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        Assert.Equal("SignatureDoesNotMatch", error.VendorCode);
        Assert.Equal(1, host.Emulator.Counters.Total);
    }

    [Fact]
    public async Task Missing_credentials_fail_before_any_call()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog(), new() { ["Alibaba:AccessKeyId"] = null, ["Alibaba:AccessKeySecret"] = "" });

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientNoCredentials, error.VendorCode);
        Assert.Equal(0, host.Emulator.Counters.Total);
    }

    [Fact]
    public async Task Unknown_region_is_not_retried()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog());

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync("xx-nowhere-1", null, CancellationToken.None));

        Assert.Equal("InvalidRegionId.NotFound", error.VendorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(1, host.Emulator.Counters.Total);
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Server_errors_are_retried_with_a_fresh_nonce(int status, string code)
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog());
        var faults = host.Emulator.Faults.For("DescribeZones");
        (faults.ServerErrorNext, faults.ServerErrorStatus) = (2, status);

        var zones = await host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None);

        Assert.Equal(3, zones.Count);
        Assert.Equal(2, host.Emulator.Counters.Errors(code));
        Assert.Equal(3, host.Emulator.Counters.DistinctNonces);
        Assert.Empty(host.Emulator.Counters.ReusedNonces);
    }

    [Fact]
    public async Task Exhausted_retries_surface_a_transient_error_with_the_last_code()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog());
        host.Emulator.Faults.For("DescribeZones").ServerErrorRate = 1;

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        Assert.Equal("ServiceUnavailable", error.VendorCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, host.Emulator.Counters.Calls("DescribeZones"));
    }

    [Fact]
    public async Task Throttled_attempts_do_not_use_up_the_server_error_budget()
    {
        // The test host allows 4 attempts for server errors and 5 in all when throttled.
        await using var host = await AlibabaTestHost.StartAsync(Catalog());
        var faults = host.Emulator.Faults.For("DescribeZones");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs, faults.ServerErrorNext) = (3, 5, 1);

        var zones = await host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None);

        Assert.Equal(3, zones.Count);
        Assert.Equal(3, host.Emulator.Counters.Errors("Throttling.User"));
        Assert.Equal(1, host.Emulator.Counters.Errors("ServiceUnavailable"));
        Assert.Equal(5, host.Emulator.Counters.Calls("DescribeZones"));
    }

    [Fact]
    public async Task Attempts_in_all_stay_within_the_throttling_limit()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog());
        var faults = host.Emulator.Faults.For("DescribeZones");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs, faults.ServerErrorNext) = (3, 5, 3);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        Assert.Equal("ServiceUnavailable", error.VendorCode);
        Assert.Equal(5, host.Emulator.Counters.Calls("DescribeZones"));
    }

    [Fact]
    public async Task Throttling_waits_at_least_TimeLeft_and_re_signs_every_attempt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await AlibabaTestHost.StartAsync(Catalog(), new() { ["Alibaba:BaseRetryDelay"] = "00:00:00.200" }, time);
        var faults = host.Emulator.Faults.For("DescribeZones");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs) = (2, 3000);

        var call = host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None);
        await WaitUntilAsync(() => host.Emulator.Counters.Calls("DescribeZones") == 1);
        var waitedForSecond = await AdvanceUntilAsync(time, () => host.Emulator.Counters.Calls("DescribeZones") == 2);
        var waitedForThird = await AdvanceUntilAsync(time, () => call.IsCompleted);

        Assert.Equal(3, (await call).Count);
        Assert.True(waitedForSecond >= TimeSpan.FromMilliseconds(3000), $"retried after {waitedForSecond}");
        Assert.True(waitedForThird >= TimeSpan.FromMilliseconds(3000), $"retried after {waitedForThird}");
        Assert.Equal(2, host.Emulator.Counters.Errors("Throttling.User"));
        Assert.Equal(3, host.Emulator.Counters.DistinctNonces);
        Assert.Empty(host.Emulator.Counters.ReusedNonces);
        Assert.Equal(0, host.Emulator.Counters.Errors("SignatureNonceUsed"));
    }

    [Fact]
    public async Task Throttling_without_TimeLeft_waits_for_the_next_minute_window()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 10, 20, 50, TimeSpan.Zero));
        await using var host = await AlibabaTestHost.StartAsync(Catalog(), new() { ["Alibaba:BaseRetryDelay"] = "00:00:00.200" }, time);
        var faults = host.Emulator.Faults.For("DescribeZones");
        (faults.ThrottleNext, faults.ThrottleTimeLeftMs) = (1, null);

        var call = host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None);
        await WaitUntilAsync(() => host.Emulator.Counters.Calls("DescribeZones") == 1);
        var waited = await AdvanceUntilAsync(time, () => call.IsCompleted);

        Assert.Equal(3, (await call).Count);
        Assert.True(waited >= TimeSpan.FromSeconds(10), $"retried after {waited}");
    }

    [Fact]
    public async Task Malformed_bodies_map_to_Client_MalformedResponse_without_retry()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog());
        foreach (var kind in Enum.GetValues<MalformedBody>())
        {
            var faults = host.Emulator.Faults.For("DescribeZones");
            (faults.MalformedNext, faults.Malformed) = (1, kind);
            var before = host.Emulator.Counters.Total;

            var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

            Assert.Equal(AlibabaErrorCodes.ClientMalformedResponse, error.VendorCode);
            Assert.Equal(before + 1, host.Emulator.Counters.Total);
        }
    }

    [Fact]
    public async Task An_attempt_that_runs_over_its_timeout_is_retried_then_reported_as_Client_Timeout()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog(), new() { ["Alibaba:AttemptTimeout"] = "00:00:00.150", ["Alibaba:MaxAttempts"] = "2" });
        host.Emulator.Faults.For("DescribeZones").Latency = TimeSpan.FromSeconds(3);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => host.Ecs.DescribeZonesAsync(Region, null, CancellationToken.None));

        Assert.Equal(AlibabaErrorCodes.ClientTimeout, error.VendorCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Cancellation_stops_the_call_and_is_not_turned_into_an_API_error()
    {
        await using var host = await AlibabaTestHost.StartAsync(Catalog());
        host.Emulator.Faults.For("DescribeZones").Latency = TimeSpan.FromSeconds(5);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Ecs.DescribeZonesAsync(Region, null, cts.Token));
    }

    [Fact]
    public async Task Client_rate_limit_spaces_calls_per_region_and_API()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new ApiRateLimiter(time, callsPerSecond: 20);

        await limiter.WaitAsync(Region, "DescribePrice", CancellationToken.None);
        var second = limiter.WaitAsync(Region, "DescribePrice", CancellationToken.None);
        await limiter.WaitAsync(Region, "DescribeZones", CancellationToken.None);
        await limiter.WaitAsync("cn-shanghai", "DescribePrice", CancellationToken.None);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("Limit:1,Remain:0,TimeLeft:2000,Reset:1234", 2000)]
    [InlineData("Limit:20, Remain:0, TimeLeft:15, Reset:9", 15)]
    public void Throttle_hint_TimeLeft_is_milliseconds(string header, int ms) =>
        Assert.Equal(TimeSpan.FromMilliseconds(ms), ThrottleHints.ParseTimeLeft(header));

    [Fact]
    public void Error_classification_uses_codes_and_statuses()
    {
        Assert.True(AlibabaErrorCodes.IsRetryable("Throttling.Api", 400));
        Assert.True(AlibabaErrorCodes.IsRetryable("SomethingNew", 502));
        Assert.False(AlibabaErrorCodes.IsRetryable("InvalidParameter", 400));
        Assert.False(AlibabaErrorCodes.IsRetryable("Forbidden.RAM", 403));
        Assert.False(AlibabaErrorCodes.IsTransient("InvalidAccessKeyId.NotFound", 404));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(5);
        }
    }

    /// <summary>Moves the fake clock in 100 ms steps until <paramref name="condition"/> holds; returns how far it moved.</summary>
    private static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider time, Func<bool> condition)
    {
        var moved = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            time.Advance(TimeSpan.FromMilliseconds(100));
            moved += TimeSpan.FromMilliseconds(100);
            await Task.Delay(20);
        }

        return moved;
    }
}
