using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Errors;
using Recommender.Emulators.Vault;
using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

/// <summary>
/// Logins, renewal and re-login on the fake clock shared by client and emulator (contract §5, §6): TTLs pass only when the
/// test advances time.
/// </summary>
public sealed class VaultTokenLifecycleTests
{
    private const string Login = "auth/approle/login";
    private const string Renew = "auth/token/renew-self";
    private const string Lookup = "auth/token/lookup-self";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string org = TestSecrets.NewOrganization();

    [Fact]
    public async Task AppRole_logs_in_on_first_use_and_sends_that_token()
    {
        await using var host = await AppRoleHostAsync(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1));

        await host.Store.ListAsync(org, None);

        var requests = host.Emulator.Requests;
        Assert.Equal(Login, requests[0].Path);
        Assert.Null(requests[0].Token);
        Assert.NotNull(requests[1].Token);
        Assert.NotEqual(host.Emulator.RootToken, requests[1].Token);
        Assert.Equal(TimeSpan.FromSeconds(60), host.Client.CurrentLease!.Duration);
        Assert.True(host.Client.CurrentLease.Renewable);
    }

    [Fact]
    public async Task The_token_is_renewed_at_about_two_thirds_of_its_lease()
    {
        await using var host = await AppRoleHostAsync(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1));
        await host.Renewer.StartAsync(None);
        await Eventually.TrueAsync(() => host.Renewer.NextRoundAt is not null, "the first login");

        var due = host.Renewer.NextRoundAt!.Value - time.GetUtcNow();
        Assert.InRange(due, TimeSpan.FromSeconds(42), TimeSpan.FromSeconds(44)); // ⅔ × 60 s + ⅓ × grace (6–12 s)
        time.Advance(due);
        await Eventually.TrueAsync(() => host.Renewer.Rounds == 2 && host.Renewer.NextRoundAt is not null, "the renewal");

        Assert.Single(host.Emulator.Requests, r => r.Path == Renew && r.Status == 200);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(60), host.Client.CurrentLease!.ExpiresAt);
        time.Advance(TimeSpan.FromSeconds(30)); // past the first lease's end
        await host.Store.ListAsync(org, None);
        Assert.Single(host.Emulator.Requests, r => r.Path == Login);
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Status == 403);
        await host.Renewer.StopAsync(None);
    }

    [Fact]
    public async Task At_the_max_TTL_cap_the_service_logs_in_again()
    {
        await using var host = await AppRoleHostAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(100));
        await host.Renewer.StartAsync(None);
        await Eventually.TrueAsync(() => host.Renewer.NextRoundAt is not null, "the first login");
        await host.Store.ListAsync(org, None);
        var firstToken = host.Emulator.Requests[^1].Token;

        for (var round = 1; round <= 6 && host.Emulator.Requests.Count(r => r.Path == Login) < 2; round++)
        {
            time.SetUtcNow(host.Renewer.NextRoundAt!.Value);
            await Eventually.TrueAsync(() => host.Renewer.Rounds == round + 1 && host.Renewer.NextRoundAt is not null, $"round {round + 1}");
        }

        Assert.Equal(2, host.Emulator.Requests.Count(r => r.Path == Login));
        Assert.True(time.GetUtcNow() < time.Start + TimeSpan.FromSeconds(100), "logged in again before the old token's max TTL");
        Assert.Contains(host.Logs.Lines, l => l.Contains("maximum TTL", StringComparison.Ordinal));
        host.Emulator.ClearRequests();
        await host.Store.ListAsync(org, None);
        var used = Assert.Single(host.Emulator.Requests);
        Assert.NotEqual(firstToken, used.Token);
        Assert.Equal(404, used.Status); // an empty organisation lists as 404: answered, with the new token
        await host.Renewer.StopAsync(None);
    }

    [Fact]
    public async Task A_token_that_expired_unrenewed_is_replaced_on_403_and_the_call_retried_once()
    {
        await using var host = await AppRoleHostAsync(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1));
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("expiry"), "alice", None);
        time.Advance(TimeSpan.FromSeconds(61));
        host.Emulator.ClearRequests();

        SecretAssert.Same(created, await host.Store.GetAsync(org, created.Id, None));

        Assert.Equal(["403 secret/metadata", "200 auth/approle", "200 secret/metadata"],
            host.Emulator.Requests.Select(r => $"{r.Status} {string.Join('/', r.Path.Split('/').Take(2))}"));
    }

    [Fact]
    public async Task A_second_403_after_a_fresh_login_is_unavailable()
    {
        await using var host = await AppRoleHostAsync(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1));
        await host.Store.ListAsync(org, None);
        host.Emulator.ClearRequests();
        host.Emulator.Faults.FailNext(403, 2, pathPrefix: "secret/");

        await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Store.ListAsync(org, None));

        Assert.Equal([403, 200, 403], host.Emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_when_renewal_is_refused()
    {
        await using var host = await AppRoleHostAsync(TimeSpan.FromSeconds(60), TimeSpan.FromHours(1));
        await host.Store.ListAsync(org, None);
        host.Emulator.RevokeToken(host.Emulator.Requests[^1].Token!);

        var next = await host.Renewer.RenewOnceAsync(None);

        Assert.NotNull(next);
        Assert.Equal(2, host.Emulator.Requests.Count(r => r.Path == Login));
        Assert.Contains(host.Emulator.Requests, r => r.Path == Renew && r.Status == 403);
        await host.Store.ListAsync(org, None);
        Assert.Equal(404, host.Emulator.Requests[^1].Status);
    }

    [Fact]
    public async Task Wrong_AppRole_credentials_make_the_store_unavailable_without_echoing_them()
    {
        await using var host = await VaultTestHost.StartAsync(time, e =>
        {
            e.AddAppRole("recommender", new VaultAppRoleSpec(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
            return VaultTestHost.AppRole(new VaultAppRoleCredentials("wrong-role-id-123456", "wrong-secret-id-654321"));
        });

        var error = await Assert.ThrowsAsync<SecretsUnavailableException>(() => host.Store.ListAsync(org, None));

        Assert.Contains("invalid role or secret ID", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("654321", error.ToString(), StringComparison.Ordinal);
        Assert.Single(host.Emulator.Requests); // a 400 is never retried
    }

    [Fact]
    public async Task A_static_token_is_looked_up_at_start_and_renewed_when_renewable()
    {
        await using var host = await VaultTestHost.StartAsync(time, e => new()
        {
            ["Token"] = e.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromSeconds(60), MaxTtl: TimeSpan.FromHours(1))),
        });

        var first = await host.Renewer.RenewOnceAsync(None);
        Assert.Single(host.Emulator.Requests, r => r.Path == Lookup);
        Assert.InRange(first!.Value, TimeSpan.FromSeconds(42), TimeSpan.FromSeconds(44));
        time.Advance(first.Value);
        await host.Renewer.RenewOnceAsync(None);

        Assert.Single(host.Emulator.Requests, r => r.Path == Renew && r.Status == 200);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(60), host.Client.CurrentLease!.ExpiresAt);
    }

    [Fact]
    public async Task A_root_token_needs_no_renewal()
    {
        await using var host = await VaultTestHost.StartAsync(time);

        Assert.Null(await host.Renewer.RenewOnceAsync(None));

        Assert.Equal([Lookup], host.Emulator.Requests.Select(r => r.Path));
        Assert.False(host.Client.CurrentLease!.Expires);
    }

    [Fact]
    public async Task A_static_token_that_cannot_be_renewed_is_left_to_expire()
    {
        await using var host = await VaultTestHost.StartAsync(time, e => new()
        {
            ["Token"] = e.CreateToken(new VaultTokenSpec(Ttl: TimeSpan.FromSeconds(60), Renewable: false)),
        });

        await host.Renewer.RenewOnceAsync(None);
        var wait = await host.Renewer.RenewOnceAsync(None);

        Assert.Equal(TimeSpan.FromSeconds(60), wait);
        Assert.DoesNotContain(host.Emulator.Requests, r => r.Path == Renew);
        Assert.Contains(host.Logs.Lines, l => l.Contains("cannot be renewed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rotated_token_file_is_read_again_when_vault_refuses_the_old_token()
    {
        var file = Path.GetTempFileName();
        try
        {
            string? first = null;
            await using var host = await VaultTestHost.StartAsync(time, e =>
            {
                first = e.CreateToken(new VaultTokenSpec());
                File.WriteAllText(file, first + "\n");
                return new() { ["TokenFile"] = file };
            });
            var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("rotated"), "alice", None);
            host.Emulator.RevokeToken(first!);
            var second = host.Emulator.CreateToken(new VaultTokenSpec());
            await File.WriteAllTextAsync(file, second);
            host.Emulator.ClearRequests();

            SecretAssert.Same(created, await host.Store.GetAsync(org, created.Id, None));

            Assert.Equal([(403, first), (200, second)], host.Emulator.Requests.Select(r => (r.Status, r.Token)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<VaultTestHost> AppRoleHostAsync(TimeSpan ttl, TimeSpan maxTtl) =>
        VaultTestHost.StartAsync(time, e => VaultTestHost.AppRole(e.AddAppRole("recommender", new VaultAppRoleSpec(ttl, maxTtl))));
}
