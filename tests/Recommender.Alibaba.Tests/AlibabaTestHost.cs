using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Alibaba.Cs;
using Recommender.Alibaba.Ecs;
using Recommender.Core.Cloud;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>An emulator plus the real Alibaba services wired against it (the Karpenter "environment" idea).</summary>
public sealed class AlibabaTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private AlibabaTestHost(EcsEmulator emulator, ServiceProvider services)
    {
        Emulator = emulator;
        this.services = services;
    }

    public EcsEmulator Emulator { get; }

    public AlibabaCloudProvider Provider => services.GetRequiredService<AlibabaCloudProvider>();

    public EcsClient Ecs => services.GetRequiredService<EcsClient>();

    public CsClient Cs => services.GetRequiredService<CsClient>();

    public IServiceProvider Services => services;

    /// <summary>
    /// Fast defaults for tests: no client rate limit, 10 ms base backoff, short throttling hints. <paramref name="settings"/>
    /// overrides any <c>Alibaba:*</c> key; <paramref name="time"/> drives both the client and the emulator's clock;
    /// <paramref name="credentials"/> replaces the configuration's (organisations' secrets).
    /// </summary>
    public static async Task<AlibabaTestHost> StartAsync(
        EmulatorCatalog catalog,
        Dictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        EcsEmulatorOptions? emulatorOptions = null,
        ICredentialSource? credentials = null)
    {
        var emulator = await EcsEmulator.StartAsync(catalog, emulatorOptions, time);
        var values = new Dictionary<string, string?>
        {
            ["Alibaba:Endpoints:Ecs"] = emulator.BaseAddress.ToString(),
            // ECS (RPC, path /) and CS (ROA, REST paths) share the emulator's address.
            ["Alibaba:Endpoints:Cs"] = emulator.BaseAddress.ToString(),
            ["Alibaba:AccessKeyId"] = EcsEmulatorOptions.DefaultAccessKeyId,
            ["Alibaba:AccessKeySecret"] = EcsEmulatorOptions.DefaultAccessKeySecret,
            ["Alibaba:CallsPerSecondPerApi"] = "0",
            ["Alibaba:BaseRetryDelay"] = "00:00:00.010",
            ["Alibaba:MaxAttempts"] = "4",
            ["Alibaba:MaxAttemptsWhenThrottled"] = "5",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        if (credentials is not null)
        {
            collection.AddSingleton(credentials);
        }

        collection.AddAlibaba(configuration);
        return new AlibabaTestHost(emulator, collection.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
