using Microsoft.Extensions.Time.Testing;
using Recommender.Emulators.Vault;
using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

/// <summary>What goes on the wire with every request (contract §1, §11): the request marker, the token's one place, the namespace.</summary>
public sealed class VaultHeaderTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string org = TestSecrets.NewOrganization();

    [Fact]
    public async Task Every_request_is_marked_and_carries_the_token_only_in_X_Vault_Token()
    {
        VaultAppRoleCredentials credentials = null!;
        await using var host = await VaultTestHost.StartAsync(new FakeTimeProvider(), e =>
            VaultTestHost.AppRole(credentials = e.AddAppRole("recommender", new VaultAppRoleSpec(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)))));

        await WorkoutAsync(host);

        var tokens = host.Emulator.Requests.Select(r => r.Token).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(tokens);
        Assert.All(host.Recorder.Sent, sent =>
        {
            Assert.Equal("true", sent.Header("X-Vault-Request"));
            Assert.Null(sent.Header("Authorization"));
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token, sent.Uri.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain(token, sent.Body, StringComparison.Ordinal);
                Assert.All(sent.Headers.Where(h => !h.Key.Equals("X-Vault-Token", StringComparison.OrdinalIgnoreCase)),
                    h => Assert.DoesNotContain(token, string.Join(",", h.Value), StringComparison.Ordinal));
            }
        });
        var logins = host.Recorder.Sent.Where(s => s.Uri.AbsolutePath.EndsWith("/login", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logins);
        Assert.All(logins, l => Assert.Null(l.Header("X-Vault-Token")));
        Assert.All(host.Recorder.Sent.Except(logins).Where(s => !s.Uri.AbsolutePath.EndsWith("/sys/health", StringComparison.Ordinal)),
            s => Assert.Contains(s.Header("X-Vault-Token"), tokens));
        Assert.DoesNotContain(host.Recorder.Sent, s => s.Uri.ToString().Contains(credentials.SecretId, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("team1/")]
    [InlineData("team1")]
    public async Task The_namespace_is_sent_verbatim_on_every_request(string ns)
    {
        await using var host = await VaultTestHost.StartAsync(new FakeTimeProvider(), e =>
        {
            e.AddNamespace("team1/");
            e.MountKv("secret", "team1/");
            var settings = VaultTestHost.AppRole(
                e.AddAppRole("recommender", new VaultAppRoleSpec(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), Namespace: "team1/")));
            settings["Namespace"] = ns;
            return settings;
        });

        await WorkoutAsync(host);

        Assert.All(host.Recorder.Sent, s => Assert.Equal(ns, s.Header("X-Vault-Namespace")));
        Assert.All(host.Emulator.Requests, r => Assert.Equal("team1/", r.Namespace));
    }

    [Fact]
    public async Task No_namespace_header_without_a_namespace()
    {
        await using var host = await VaultTestHost.StartAsync();

        await WorkoutAsync(host, renew: false);

        Assert.All(host.Recorder.Sent, s => Assert.Null(s.Header("X-Vault-Namespace")));
    }

    /// <summary>Every kind of call the client makes: login, lookup, renew, each store operation, health.</summary>
    private async Task WorkoutAsync(VaultTestHost host, bool renew = true)
    {
        await host.Renewer.RenewOnceAsync(None);
        await host.Client.LookupSelfAsync(None);
        if (renew)
        {
            await host.Client.RenewSelfAsync(None);
        }

        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("wire"), "alice", None);
        await host.Store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("wire", seed: "2"), 1, "alice", None);
        await host.Store.GetAsync(org, created.Id, None);
        await host.Store.ListAsync(org, None);
        await host.Store.ReadValuesAsync(org, created.Id, None);
        await host.Store.DeleteAsync(org, created.Id, None);
        await host.Client.GetHealthAsync(None);
        Assert.True(host.Recorder.Sent.Count >= 10);
    }
}
