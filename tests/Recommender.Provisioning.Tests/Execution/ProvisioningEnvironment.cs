using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Recommender.Alibaba;
using Recommender.Alibaba.Cs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Emulators.Alibaba;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Operations;
using Recommender.Secrets;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>
/// The real provisioning services (facade, executor, runners) over the real CS client, signed with an organisation's
/// secret from the in-memory secret store, against the in-process ACK emulator on a scaled-down clock. The operation
/// store is SQLite in a temporary folder unless a test passes another. Runners are started by the tests, each with
/// the store (and clock) it is given, so a test can kill one and start another on the same data.
/// </summary>
public sealed class ProvisioningEnvironment : IAsyncDisposable
{
    public const string Region = "cn-hangzhou";

    /// <summary>How fast emulated ACK runs: a 10-minute cluster create takes 0.12 s.</summary>
    public const double TimeScale = 0.0002;

    private readonly ServiceProvider services;
    private readonly List<ProvisioningRunner> runners = [];
    private readonly string directory;

    private ProvisioningEnvironment(EcsEmulator emulator, ServiceProvider services, IOperationStore store, RegionCatalog region, string directory, ResponseDropper dropper)
    {
        Emulator = emulator;
        this.services = services;
        Store = store;
        CatalogRegion = region;
        this.directory = directory;
        Dropper = dropper;
    }

    public EcsEmulator Emulator { get; }

    public IOperationStore Store { get; }

    public RegionCatalog CatalogRegion { get; }

    /// <summary>Drops the answers of chosen actions after the emulator carried them out (a create whose answer was lost).</summary>
    public ResponseDropper Dropper { get; }

    public ProvisioningService Service => services.GetRequiredService<ProvisioningService>();

    public ISecretStore Secrets => services.GetRequiredService<ISecretStore>();

    public CsClient Cs => services.GetRequiredService<CsClient>();

    public TestCatalog Catalog => (TestCatalog)services.GetRequiredService<ICatalog>();

    public IOptions<ProvisioningOptions> Options => services.GetRequiredService<IOptions<ProvisioningOptions>>();

    /// <summary>
    /// Starts the emulator and the services; <paramref name="store"/> replaces the SQLite store (e.g. PostgreSQL);
    /// <paramref name="settings"/> overrides <c>Provisioning:*</c> or <c>Alibaba:*</c> keys.
    /// </summary>
    public static async Task<ProvisioningEnvironment> StartAsync(
        Func<Task<IOperationStore>>? store = null, Dictionary<string, string?>? settings = null, double timeScale = TimeScale)
    {
        var region = SyntheticCatalog.Region(Region, 12, 3, DateTimeOffset.UtcNow);
        var emulatorOptions = new EcsEmulatorOptions();
        emulatorOptions.Cs.TimeScale = timeScale;
        emulatorOptions.AccessKeys[TestSecrets.Alibaba("x").Values[SecretSchema.AlibabaAccessKeyId]!] = TestSecrets.KeySecret();
        var emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([region]), emulatorOptions);
        var directory = Directory.CreateTempSubdirectory("recommender-prov-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["DataDirectory"] = directory,
            ["Alibaba:Endpoints:Ecs"] = emulator.BaseAddress.ToString(),
            ["Alibaba:Endpoints:Cs"] = emulator.BaseAddress.ToString(),
            ["Alibaba:CallsPerSecondPerApi"] = "0",
            ["Alibaba:BaseRetryDelay"] = "00:00:00.010",
            ["Alibaba:MaxRetryDelay"] = "00:00:00.200",
            ["Alibaba:MaxAttempts"] = "3",
            ["Alibaba:MaxAttemptsWhenThrottled"] = "3",
            ["Alibaba:AttemptTimeout"] = "00:00:05",
            ["Provisioning:Runner:Enabled"] = "false",
            ["Provisioning:PollInterval"] = "00:00:00.050",
            ["Provisioning:LeaseDuration"] = "00:00:03",
            ["Provisioning:ClusterPollInterval"] = "00:00:00.025",
            ["Provisioning:NodePoolPollInterval"] = "00:00:00.025",
            ["Provisioning:WaitTimeout"] = "00:00:20",
            ["Provisioning:StepRetryBaseDelay"] = "00:00:00.020",
            ["Provisioning:StepRetryMaxDelay"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var dropper = new ResponseDropper();
        var collection = new ServiceCollection();
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton<ICatalog>(new TestCatalog(region));
        collection.AddAlibaba(configuration);
        collection.AddHttpClient<OpenApiClient>().AddHttpMessageHandler(() => new DroppingHandler(dropper));
        collection.AddSecrets(configuration);
        collection.AddProvisioning(configuration);
        if (store is not null)
        {
            var given = await store();
            collection.AddSingleton(given);
        }

        var provider = collection.BuildServiceProvider();
        var operations = provider.GetRequiredService<IOperationStore>();
        await operations.InitializeAsync(CancellationToken.None);
        return new ProvisioningEnvironment(emulator, provider, operations, region, directory, dropper);
    }

    /// <summary>An ALIBABA secret of <paramref name="organization"/> whose key the emulator accepts; returns its id.</summary>
    public async Task<string> AddSecretAsync(string organization, string name = "alibaba-prod", string seed = "1")
    {
        var metadata = await Secrets.CreateAsync(organization, TestSecrets.Alibaba(name, seed), "tester", CancellationToken.None);
        return metadata.Id;
    }

    /// <summary>A runner on <paramref name="store"/> (default: the environment's) with its own executor, started.</summary>
    public async Task<ProvisioningRunner> StartRunnerAsync(IOperationStore? store = null, TimeProvider? clock = null, string? owner = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(CloneOptions(owner));
        var used = store ?? Store;
        var time = clock ?? TimeProvider.System;
        var executor = new OperationExecutor(
            used, Cs, Secrets, services.GetRequiredService<ICatalog>(), options, time, NullLogger<OperationExecutor>.Instance);
        var runner = new ProvisioningRunner(used, executor, services.GetRequiredService<OperationSignal>(), options, time, NullLogger<ProvisioningRunner>.Instance);
        runners.Add(runner);
        await runner.StartAsync(CancellationToken.None);
        return runner;
    }

    /// <summary>Waits (up to a generous real-time bound, only against hangs) until the operation ends in a state that waits for a person.</summary>
    public async Task<ProvisioningOperation> WaitForEndAsync(string organization, string id, TimeSpan? bound = null)
    {
        var until = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var operation = await Store.GetAsync(organization, id, CancellationToken.None) ?? throw new InvalidOperationException($"Operation {id} vanished.");
            if (operation.State is OperationState.Succeeded or OperationState.Failed or OperationState.RolledBack or OperationState.Cancelled)
            {
                return operation;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Operation {id} is still {operation.State} at step {operation.Steps.FirstOrDefault(s => s.State != OperationStepState.Succeeded)?.Name}.");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The emulator's clusters as DescribeClustersV1 lists them, any name.</summary>
    public Task<IReadOnlyList<CsCluster>> ClustersAsync(string organization, string secretId) =>
        Cs.DescribeClustersAsync(Region, null, null, Core.Cloud.CredentialReference.OfOrganization(organization, secretId), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var runner in runners)
        {
            await runner.StopAsync(CancellationToken.None);
            runner.Dispose();
        }

        await services.DisposeAsync();
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held by a pooled connection; the temp folder is cleaned up by the system.
        }
    }

    private ProvisioningOptions CloneOptions(string? owner)
    {
        var o = Options.Value;
        return new ProvisioningOptions
        {
            PriceDriftMargin = o.PriceDriftMargin,
            MaxConcurrentOperations = o.MaxConcurrentOperations,
            PollInterval = o.PollInterval,
            LeaseDuration = o.LeaseDuration,
            ClusterPollInterval = o.ClusterPollInterval,
            NodePoolPollInterval = o.NodePoolPollInterval,
            WaitTimeout = o.WaitTimeout,
            MaxStepAttempts = o.MaxStepAttempts,
            StepRetryBaseDelay = o.StepRetryBaseDelay,
            StepRetryMaxDelay = o.StepRetryMaxDelay,
            KubeconfigMinutes = o.KubeconfigMinutes,
            Runner = new ProvisioningRunnerOptions { Enabled = true, OwnerId = owner },
        };
    }

    /// <summary>Lets the test drop the answer of the next calls of an action after the emulator carried them out.</summary>
    public sealed class ResponseDropper
    {
        private readonly ConcurrentDictionary<string, int> next = new(StringComparer.Ordinal);

        public void DropNext(string action, int times = 1) => next[action] = times;

        internal bool Take(string action)
        {
            while (next.TryGetValue(action, out var left) && left > 0)
            {
                if (next.TryUpdate(action, left - 1, left))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class DroppingHandler(ResponseDropper dropper) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var action = request.Headers.TryGetValues("x-acs-action", out var values) ? values.FirstOrDefault() : null;
            if (action is not null && dropper.Take(action))
            {
                response.Dispose();
                throw new HttpRequestException($"The answer to {action} was lost on the way back (injected).");
            }

            return response;
        }
    }
}
