using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Core.Catalog;
using Recommender.Emulators.Alibaba;

namespace Recommender.Api.Tests.EndToEnd;

/// <summary>
/// The real app with the real Alibaba provider and scrapers, pointed at the wire-level ECS emulator on loopback.
/// Nothing is faked between the GraphQL mutation and the emulator's signature check.
/// </summary>
public sealed class LiveAlibabaFactory(EcsEmulator emulator, string accessKeyId) : WebApplicationFactory<Program>
{
    private const string Never = "0 0 0 1 1 ? 2099";

    /// <summary>Applied after the defaults below, so a test can override any of them.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Service replacements applied last (ConfigureTestServices).</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }

        var settings = new Dictionary<string, string>
        {
            ["Alibaba:Endpoints:Ecs"] = emulator.BaseAddress.ToString().TrimEnd('/'),
            ["Alibaba:AccessKeyId"] = accessKeyId,
            ["Alibaba:AccessKeySecret"] = EcsEmulatorOptions.DefaultAccessKeySecret,
            ["Alibaba:DefaultRegion"] = LiveAlibabaCatalogTests.Region,
            // The emulator does not throttle here; the client's own budget would only slow the test down.
            ["Alibaba:CallsPerSecondPerApi"] = "5000",
            ["Scrapers:Quartz:InstanceName"] = $"live-alibaba-tests-{Guid.NewGuid():N}",
            ["Scrapers:Cadence:Full"] = Never,
            ["Scrapers:Cadence:OnDemandPrices"] = Never,
            ["Scrapers:Cadence:SpotPricesAndStock"] = Never,
            ["Scrapers:Cadence:Regions"] = Never,
            ["Scrapers:MaxJitter"] = "00:00:00",
        };
        foreach (var (key, value) in settings.Concat(Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    public static RegionCatalog Seed(RegionCatalog sample) => new(
        sample.Provider,
        sample.Region,
        sample.Currency,
        CatalogSource.Live,
        sample.UpdatedAt,
        sample.Version,
        // Doubled prices tell data that crossed the wire from the sample the app starts with.
        [.. sample.InstanceTypes.Select(o => o with { OnDemandPrice = o.OnDemandPrice * 2 })]);
}
