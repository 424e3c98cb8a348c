using System.Diagnostics;
using Recommender.Core.Errors;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

/// <summary>The client's retry policy (contract §1, §3) against injected faults, counted in the emulator's request log.</summary>
public sealed class VaultRetryTests : IAsyncLifetime
{
    private const string Path = "orgs/acme/3e4b0b6c9d1f4a2e8c7a5b3d1e9f0a2c4b6d8e0f1a3c5e7b9d1f3a5c7e9b1d3f";
    private const string Logged = "secret/metadata/" + Path;
    private VaultTestHost host = null!;

    public async Task InitializeAsync() => host = await VaultTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_Retry_After()
    {
        host.Emulator.Faults.FailNext(429, 1, TimeSpan.FromSeconds(1), "secret/metadata/");
        var clock = Stopwatch.StartNew();

        Assert.Null(await host.Client.ReadMetadataAsync(Path, CancellationToken.None));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal([429, 404], Attempts());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(412)]
    public async Task Transient_statuses_are_retried(int status)
    {
        host.Emulator.Faults.FailNext(status, 2, pathPrefix: "secret/metadata/");

        Assert.Null(await host.Client.ReadMetadataAsync(Path, CancellationToken.None));

        Assert.Equal([status, status, 404], Attempts());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(405)]
    [InlineData(501)]
    public async Task Client_errors_and_501_are_not_retried(int status)
    {
        host.Emulator.Faults.FailNext(status, 5, pathPrefix: "secret/metadata/");

        var error = await Assert.ThrowsAsync<VaultApiException>(() => host.Client.ReadMetadataAsync(Path, CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.Equal([status], Attempts());
    }

    [Fact]
    public async Task A_403_is_not_retried_with_the_same_token()
    {
        host.Emulator.Faults.FailNext(403, 5, pathPrefix: "secret/metadata/");

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Client.ReadMetadataAsync(Path, CancellationToken.None));

        Assert.Equal(ErrorCodes.SecretsUnavailable, error.Code);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Equal([403], Attempts());
    }

    [Fact]
    public async Task A_404_is_an_answer_not_a_failure()
    {
        host.Emulator.Faults.FailNext(404, 5, pathPrefix: "secret/metadata/");

        Assert.Null(await host.Client.ReadMetadataAsync(Path, CancellationToken.None));
        Assert.Empty(await host.Client.ListAsync("orgs/acme", CancellationToken.None));

        Assert.Equal([404], Attempts());
    }

    [Fact]
    public async Task Attempts_are_bounded_and_then_secrets_are_unavailable()
    {
        host.Emulator.Faults.FailNext(503, 10, TimeSpan.FromMilliseconds(100), "secret/metadata/");

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Client.ReadMetadataAsync(Path, CancellationToken.None));

        Assert.Equal([503, 503, 503], Attempts());
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter); // the emulator rounds Retry-After up to whole seconds
        Assert.Contains("after 3 attempt(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_deadline_fails_at_once()
    {
        host.Emulator.Faults.FailNext(429, 1, TimeSpan.FromSeconds(60), "secret/metadata/");

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Client.ReadMetadataAsync(Path, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(60, error.Details!["retryAfterSeconds"]);
        Assert.Equal([429], Attempts());
    }

    [Fact]
    public async Task A_write_is_retried_with_the_same_check_and_set()
    {
        host.Emulator.Faults.FailNext(502, 1, pathPrefix: "secret/data/");

        var written = await host.Client.WriteAsync(Path, new System.Text.Json.Nodes.JsonObject { ["k"] = "v" }, 0, CancellationToken.None);

        Assert.Equal(1, written.Version);
        var writes = host.Emulator.Requests.Where(r => r.Path == "secret/data/" + Path).ToList();
        Assert.Equal([502, 200], writes.Select(w => w.Status));
        Assert.Single(writes.Select(w => w.Body).Distinct());
    }

    private int[] Attempts() => [.. host.Emulator.Requests.Where(r => r.Path == Logged).Select(r => r.Status)];
}
