using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Recommender.Core.Errors;
using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

/// <summary>Sealed, unreachable, dropping or slow Vault: the store answers SECRETS_UNAVAILABLE within its deadline, never hangs.</summary>
public sealed class VaultAvailabilityTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string org = TestSecrets.NewOrganization();

    [Fact]
    public async Task A_sealed_vault_is_unavailable_and_recovers_when_unsealed()
    {
        await using var host = await VaultTestHost.StartAsync();
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("sealed"), "alice", None);
        host.Emulator.Seal();
        host.Emulator.ClearRequests();

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Store.GetAsync(org, created.Id, None));

        Assert.Equal(ErrorCodes.SecretsUnavailable, error.Code);
        Assert.Contains("Vault is sealed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Emulator.Requests.Count);
        Assert.False((await host.Client.GetHealthAsync(None)).IsReady);

        host.Emulator.Unseal();
        SecretAssert.Same(created, await host.Store.GetAsync(org, created.Id, None));
        Assert.True((await host.Client.GetHealthAsync(None)).IsReady);
    }

    [Fact]
    public async Task An_unreachable_vault_is_unavailable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there any more
        await using var host = await VaultTestHost.StartAsync(settings: new() { ["Secrets:Vault:Address"] = $"http://127.0.0.1:{port}/" });

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Store.ListAsync(org, None));

        Assert.Contains("connection failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Recorder.Sent.Count);
        Assert.Equal(0, (await host.Client.GetHealthAsync(None)).StatusCode);
    }

    [Fact]
    public async Task Dropped_connections_are_retried()
    {
        await using var host = await VaultTestHost.StartAsync();
        host.Emulator.Faults.DropNext(2, "secret/");

        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("dropped"), "alice", None);

        Assert.Equal(1, created.Version);
        Assert.Equal([0, 0, 200], host.Emulator.Requests.Where(r => r.Path.StartsWith("secret/data/", StringComparison.Ordinal)).Select(r => r.Status));
    }

    [Fact]
    public async Task Connections_dropped_every_time_make_the_store_unavailable()
    {
        await using var host = await VaultTestHost.StartAsync();
        host.Emulator.Faults.DropNext(10, "secret/");

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Store.ListAsync(org, None));

        Assert.Contains("connection failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Emulator.Requests.Count);
    }

    [Fact]
    public async Task A_vault_slower_than_the_deadline_is_unavailable_within_the_deadline()
    {
        await using var host = await VaultTestHost.StartAsync(settings: new()
        {
            ["Secrets:Vault:AttemptTimeout"] = "00:00:00.300",
            ["Secrets:Vault:OverallDeadline"] = "00:00:00.800",
            ["Secrets:Vault:MaxAttempts"] = "10",
        });
        host.Emulator.Faults.Latency = TimeSpan.FromSeconds(10);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Store.GetAsync(org, SecretIds.FromName("slow"), None));

        // Generous bound: far below one answer's latency, so the client did not wait for Vault.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.InRange(host.Recorder.Sent.Count, 1, 4);
        Assert.Contains("attempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_is_cancelled_not_unavailable()
    {
        await using var host = await VaultTestHost.StartAsync();
        host.Emulator.Faults.Latency = TimeSpan.FromSeconds(2);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Store.ListAsync(org, cancel.Token));
    }
}
