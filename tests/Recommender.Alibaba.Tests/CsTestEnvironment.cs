using Microsoft.Extensions.Time.Testing;
using Recommender.Alibaba.Cs;
using Recommender.Core.Cloud;
using Recommender.Emulators.Alibaba;
using Recommender.Testing.Fakes;

namespace Recommender.Alibaba.Tests;

/// <summary>
/// The real <see cref="CsClient"/> against the emulator, signing with an organisation's secret (<see cref="Acme"/>)
/// handed out by a fake credential source. With a fake clock (the default) the client and the emulator share it, and
/// tests move CS states forward with <see cref="Advance"/>; without one, <see cref="CsTimings.TimeScale"/> decides.
/// </summary>
public sealed class CsTestEnvironment : IAsyncDisposable
{
    public const string Region = "cn-hangzhou";

    public static readonly CredentialReference Acme = CredentialReference.OfOrganization("acme", "alibaba-prod");

    private CsTestEnvironment(AlibabaTestHost host, FakeTimeProvider? clock, FakeCredentialSource credentials)
    {
        Host = host;
        Clock = clock;
        Credentials = credentials;
    }

    public AlibabaTestHost Host { get; }

    /// <summary>The shared fake clock; null when running on the real one.</summary>
    public FakeTimeProvider? Clock { get; }

    public FakeCredentialSource Credentials { get; }

    public CsClient Cs => Host.Cs;

    public EcsEmulator Emulator => Host.Emulator;

    public CsTimings Timings => Emulator.Options.Cs;

    /// <summary>
    /// Starts an emulator and the Alibaba services. <paramref name="secret"/> and <paramref name="keyId"/> are what the
    /// credential source hands out for <see cref="Acme"/> (the emulator's key by default).
    /// </summary>
    public static async Task<CsTestEnvironment> StartAsync(
        bool fakeClock = true, Action<EcsEmulatorOptions>? configure = null, string keyId = EcsEmulatorOptions.DefaultAccessKeyId,
        string secret = EcsEmulatorOptions.DefaultAccessKeySecret)
    {
        var clock = fakeClock ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        var options = new EcsEmulatorOptions();
        configure?.Invoke(options);
        var credentials = new FakeCredentialSource().With(Acme, keyId, secret);
        // No service-account key in configuration: every CS call must name the organisation's secret.
        var host = await AlibabaTestHost.StartAsync(
            new EmulatorCatalog([SyntheticCatalog.Region(Region, 40, 3, DateTimeOffset.UtcNow)]),
            new Dictionary<string, string?> { ["Alibaba:AccessKeyId"] = null, ["Alibaba:AccessKeySecret"] = null },
            clock,
            options,
            credentials);
        return new CsTestEnvironment(host, clock, credentials);
    }

    /// <summary>Moves the fake clock by <paramref name="emulated"/> after the emulator's time scale.</summary>
    public void Advance(TimeSpan emulated) => (Clock ?? throw new InvalidOperationException("The environment runs on the real clock.")).Advance(Timings.Scaled(emulated));

    /// <summary>Creates a managed cluster and moves the clock until it runs.</summary>
    public async Task<string> RunningClusterAsync(string name)
    {
        var created = await Cs.CreateClusterAsync(Region, CsRequests.Managed(name), Acme, CancellationToken.None);
        if (Clock is not null)
        {
            Advance(Timings.ClusterCreate);
        }

        var cluster = await Cs.DescribeClusterDetailAsync(Region, created.ClusterId!, Acme, CancellationToken.None);
        Assert.Equal(CsCluster.Running, cluster.State);
        return cluster.ClusterId;
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
