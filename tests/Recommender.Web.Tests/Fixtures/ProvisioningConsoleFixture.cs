using Recommender.Emulators.Alibaba;
using Recommender.Emulators.Vault;

namespace Recommender.Web.Tests.Fixtures;

/// <summary>
/// The service wired as <c>scripts/demo.sh</c> wires it, in process: the Alibaba ECS + CS emulator (serving the same
/// sample catalog as the service, ACK's delays scaled down) and the Vault emulator (root token) on loopback, secrets in
/// Vault, provisioning polls shortened. A secret made of <see cref="AccessKeyId"/> and <see cref="AccessKeySecret"/> is
/// accepted by the emulator. Faults are injected through <see cref="Alibaba"/>.<see cref="EcsEmulator.Faults"/>.
/// </summary>
public class ProvisioningConsoleFixture : ConsoleFixture
{
    public const string AccessKeyId = EcsEmulatorOptions.DefaultAccessKeyId;
    public const string AccessKeySecret = EcsEmulatorOptions.DefaultAccessKeySecret;

    private EcsEmulator? alibaba;
    private VaultEmulator? vault;

    public EcsEmulator Alibaba => alibaba ?? throw new InvalidOperationException("Not started.");

    public VaultEmulator Vault => vault ?? throw new InvalidOperationException("Not started.");

    /// <summary>ACK's delays times this: a cluster that takes 10 minutes is running after about 1.2 s.</summary>
    protected virtual double TimeScale => 0.002;

    protected override async Task ConfigureAsync(ServiceHost host)
    {
        var options = new EcsEmulatorOptions();
        options.Cs.TimeScale = TimeScale;
        var catalog = EmulatorCatalog.TryLoadSample() ?? throw new InvalidOperationException("The sample catalog is not embedded in Recommender.Core.");
        alibaba = await EcsEmulator.StartAsync(catalog, options);
        vault = await VaultEmulator.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Alibaba:Endpoints:Ecs"] = alibaba.BaseAddress.ToString(),
            ["Alibaba:Endpoints:Cs"] = alibaba.BaseAddress.ToString(),
            ["Alibaba:CallsPerSecondPerApi"] = "0",
            ["Alibaba:BaseRetryDelay"] = "00:00:00.010",
            ["Alibaba:MaxRetryDelay"] = "00:00:00.200",
            ["Secrets:Vault:Address"] = vault.BaseAddress.ToString(),
            ["Secrets:Vault:Token"] = vault.RootToken,
            ["Provisioning:PollInterval"] = "00:00:00.100",
            ["Provisioning:ClusterPollInterval"] = "00:00:00.050",
            ["Provisioning:NodePoolPollInterval"] = "00:00:00.050",
            ["Provisioning:StepRetryBaseDelay"] = "00:00:00.050",
            ["Provisioning:StepRetryMaxDelay"] = "00:00:00.500",
            ["Solver:Workers"] = "1",
            // The browser and the emulators share two cores with the solver: its default 1 s can run out.
            ["Solver:TimeLimit"] = "00:00:05",
            ["Solver:RandomSeed"] = "42",
        };
        foreach (var (key, value) in settings)
        {
            host.Settings[key] = value;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (alibaba is not null)
        {
            await alibaba.DisposeAsync();
        }

        if (vault is not null)
        {
            await vault.DisposeAsync();
        }
    }
}
