using Recommender.Api.Tests.Identity;
using Recommender.Core.Catalog;
using Recommender.Emulators.Alibaba;

namespace Recommender.Api.Tests.Provisioning;

/// <summary>
/// The service with its provisioning runner on, its CS client pointed at the in-process ACK emulator (a scaled-down
/// clock), and a catalog region the emulator sells, so GraphQL can recommend, then provision, end to end.
/// </summary>
public sealed class ProvisioningApiFixture : IAsyncLifetime
{
    public const string Region = "cn-hangzhou";
    public const string KeyId = "LTAI5tTestKeyId00000001";
    public const string KeySecret = "TestSecret0123456789abcdefABCDEF";

    private EcsEmulator? emulator;

    public ApiFactory Api { get; } = new();

    public EcsEmulator Emulator => emulator ?? throw new InvalidOperationException("Not started.");

    public RegionCatalog CatalogRegion { get; } = SyntheticCatalog.Region(Region, 12, 3, DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        var options = new EcsEmulatorOptions();
        options.Cs.TimeScale = 0.0002;
        options.AccessKeys[KeyId] = KeySecret;
        emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([CatalogRegion]), options);
        Api.InProcessCatalog.Adopt(CatalogRegion);
        var settings = new Dictionary<string, string?>
        {
            ["Alibaba:Endpoints:Cs"] = emulator.BaseAddress.ToString(),
            ["Alibaba:Endpoints:Ecs"] = emulator.BaseAddress.ToString(),
            ["Alibaba:CallsPerSecondPerApi"] = "0",
            ["Alibaba:BaseRetryDelay"] = "00:00:00.010",
            ["Alibaba:MaxRetryDelay"] = "00:00:00.200",
            ["Provisioning:SqlitePath"] = Path.Combine(TestTokens.DataDirectory, $"operations-{Guid.NewGuid():N}.db"),
            ["Provisioning:PollInterval"] = "00:00:00.050",
            ["Provisioning:ClusterPollInterval"] = "00:00:00.025",
            ["Provisioning:NodePoolPollInterval"] = "00:00:00.025",
            ["Provisioning:StepRetryBaseDelay"] = "00:00:00.020",
            ["Provisioning:StepRetryMaxDelay"] = "00:00:00.200",
            ["Solver:Workers"] = "1",
            ["Solver:RandomSeed"] = "42",
        };
        foreach (var (key, value) in settings)
        {
            Api.Settings[key] = value;
        }
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }
}
