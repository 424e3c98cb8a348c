using Recommender.Emulators.Vault;
using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

/// <summary>
/// Across every fault path, no exception text and no log line carries a secret value, the token or the AppRole secret id.
/// </summary>
public sealed class VaultSecrecyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Faults => ["429", "500", "503", "400", "403", "404", "412", "drop", "sealed", "slow", "revoked", "ok"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task No_secret_reaches_a_message_or_a_log_line(string fault)
    {
        var org = TestSecrets.NewOrganization();
        VaultAppRoleCredentials credentials = null!;
        await using var host = await VaultTestHost.StartAsync(
            prepare: e => VaultTestHost.AppRole(credentials = e.AddAppRole("recommender", new VaultAppRoleSpec(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)))),
            settings: new() { ["Secrets:Vault:AttemptTimeout"] = "00:00:01", ["Secrets:Vault:OverallDeadline"] = "00:00:02" });
        var created = await host.Store.CreateAsync(org, TestSecrets.Alibaba("leak test", seed: "0"), "alice", None);
        var token = host.Emulator.Requests[^1].Token!;
        Inject(host.Emulator, fault, token);

        var messages = new List<string>();
        await Collect(messages, () => host.Store.CreateAsync(org, TestSecrets.Alibaba("leak test 2", seed: "1"), "alice", None));
        await Collect(messages, () => host.Store.UpdateAsync(org, created.Id, TestSecrets.Alibaba("leak test", seed: "2"), 1, "alice", None));
        await Collect(messages, () => host.Store.ReadValuesAsync(org, created.Id, None));
        await Collect(messages, () => host.Store.GetAsync(org, created.Id, None));
        await Collect(messages, () => host.Renewer.RenewOnceAsync(None));

        var everything = messages.Concat(host.Logs.Lines).ToList();
        Assert.True(fault == "ok" || messages.Count > 0, "the fault made something fail");
        foreach (var secret in new[] { TestSecrets.Canary, token, host.Emulator.RootToken, credentials.SecretId })
        {
            Assert.DoesNotContain(everything, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static void Inject(VaultEmulator emulator, string fault, string token)
    {
        switch (fault)
        {
            case "drop": emulator.Faults.DropNext(100, "secret/"); break;
            case "sealed": emulator.Seal(); break;
            case "slow": emulator.Faults.Latency = TimeSpan.FromSeconds(3); break;
            case "revoked": emulator.RevokeToken(token); emulator.Faults.FailNext(400, 100, pathPrefix: "auth/approle/"); break;
            case "ok": break;
            default: emulator.Faults.FailNext(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture), 100, pathPrefix: "secret/"); break;
        }
    }

    private static async Task Collect(List<string> messages, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e)
        {
            messages.Add(e.ToString());
        }
    }
}
