using System.Diagnostics;
using System.Globalization;
using Recommender.Core.Cloud;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;
using Xunit.Abstractions;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>
/// The two measurements of issue 17, as tests that also check their outcome; the figures go to the test output
/// (<c>dotnet test tests/Recommender.Provisioning.Tests -c Release --filter ProvisioningMeasurements --logger "console;verbosity=detailed"</c>).
/// </summary>
public sealed class ProvisioningMeasurements(PostgresDatabase database, ITestOutputHelper output) : IClassFixture<PostgresDatabase>
{
    /// <summary>The emulator at 1/500 of ACK's speed, and the runner's polling intervals scaled alike (10 s and 5 s become 20 ms and 10 ms).</summary>
    private const double MeasuredScale = 0.002;

    private static readonly string[] PollingActions = ["DescribeTaskInfo", "DescribeClusterDetail", "DescribeClusterNodePoolDetail"];

    [Fact]
    public async Task End_to_end_time_and_api_calls_of_a_three_pool_create()
    {
        await using var env = await ProvisioningEnvironment.StartAsync(settings: new()
        {
            ["Provisioning:ClusterPollInterval"] = Scaled(10),
            ["Provisioning:NodePoolPollInterval"] = Scaled(5),
        }, timeScale: MeasuredScale);
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        await env.StartRunnerAsync();
        env.Emulator.Counters.Reset();

        var clock = Stopwatch.StartNew();
        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);
        clock.Stop();

        Assert.Equal(OperationState.Succeeded, done.State);
        var counters = env.Emulator.Counters;
        var byAction = counters.Requests.GroupBy(r => r.Action).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}");
        var polling = PollingActions.Sum(counters.Calls);
        var emulated = env.Emulator.Options.Cs;
        var busy = done.Steps.Max(s => s.FinishedAt!.Value) - done.Steps.Min(s => s.StartedAt!.Value);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"3-pool create, emulator at x{MeasuredScale} (cluster {emulated.Scaled(emulated.ClusterCreate).TotalMilliseconds} ms, node join {emulated.Scaled(emulated.NodeJoin).TotalMilliseconds} ms), polls every {Scaled(10)} / {Scaled(5)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"end to end {clock.ElapsedMilliseconds} ms (first step start to last step end {busy.TotalMilliseconds:0} ms; as real ACK time {busy.TotalSeconds / MeasuredScale / 60:0.0} min)"));
        output.WriteLine($"API calls {counters.Total}, of which polling {polling} ({string.Join(", ", PollingActions)}); by action: {string.Join(", ", byAction)}");
        Assert.Equal(1, counters.Calls("CreateCluster"));
        Assert.Equal(3, counters.Calls("CreateClusterNodePool"));
        Assert.Equal(counters.Total, polling + 4);
    }

    [Fact]
    public async Task Twenty_runs_killed_at_a_random_step_with_faults_on_postgres_with_two_replicas()
    {
        const int Runs = 20;
        var connection = await database.CreateSchemaAsync();
        await using var storeA = new PostgresOperationStore(connection);
        await using var storeB = new PostgresOperationStore(connection);
        await using var env = await ProvisioningEnvironment.StartAsync(() => Task.FromResult<IOperationStore>(storeA), new()
        {
            // Short leases so that a dead replica's operation is taken over within a second.
            ["Provisioning:LeaseDuration"] = "00:00:01",
            ["Provisioning:PollInterval"] = "00:00:00.050",
        });
        await storeB.InitializeAsync(CancellationToken.None);
        var random = new Random(1717);
        foreach (var action in (string[])["DescribeTaskInfo", "DescribeClusterDetail", "DescribeClusterNodePoolDetail", "DescribeClusterNodePools", "DescribeClustersV1"])
        {
            env.Emulator.Faults.For(action).ThrottleRate = 0.05;
            env.Emulator.Faults.For(action).ThrottleTimeLeftMs = 20;
            env.Emulator.Faults.For(action).ServerErrorRate = 0.03;
        }

        env.Emulator.Faults.For("CreateCluster").ServerErrorRate = 0.1;
        env.Emulator.Faults.For("CreateClusterNodePool").ServerErrorRate = 0.05;
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var account = CredentialReference.OfOrganization(org, secretId);
        var (completed, duplicates, killed, adopted) = (0, 0, 0, 0);
        var clock = Stopwatch.StartNew();
        for (var run = 1; run <= Runs; run++)
        {
            var crashAt = random.Next(1, KillTests.SavesOfThreePoolCreate + 1);
            if (random.Next(2) == 0)
            {
                env.Dropper.DropNext(random.Next(2) == 0 ? "CreateCluster" : "CreateClusterNodePool");
            }

            var name = TestInputs.NewName($"m{run}");
            var operation = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion), null, CancellationToken.None);
            var dying = new CrashingOperationStore(storeA, crashAt);
            var replicaA = await env.StartRunnerAsync(dying, owner: $"replica-a-{run}");
            // Replica B joins once A holds the operation: both are live, A dies at its save, B takes over when the lease runs out.
            while ((await storeB.GetAsync(org, operation.Id, CancellationToken.None))!.LeaseOwner is null)
            {
                await Task.Delay(5);
            }

            var replicaB = await env.StartRunnerAsync(storeB, owner: $"replica-b-{run}");
            var finished = env.WaitForEndAsync(org, operation.Id);
            await Task.WhenAny(dying.Died, finished);
            killed += dying.IsDead ? 1 : 0;
            var done = await finished;
            await replicaA.StopAsync(CancellationToken.None);
            await replicaB.StopAsync(CancellationToken.None);

            var clusters = await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None);
            var pools = clusters.Count == 0 ? [] : await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, clusters[0].ClusterId, account, CancellationToken.None);
            duplicates += Math.Max(0, clusters.Count - 1) + Math.Max(0, pools.Count - pools.Select(p => p.NodepoolInfo!.Name).Distinct().Count());
            adopted += done.Steps.Count(s => s.Output?.Contains("\"adopted\":true", StringComparison.Ordinal) == true);
            if (done.State == OperationState.Succeeded && clusters.Count == 1 && pools.Count == 3 && clusters[0].ClusterId == done.Steps[1].ClusterId)
            {
                completed++;
            }
            else
            {
                output.WriteLine($"run {run} (kill at save {crashAt}): {done.State}, {clusters.Count} clusters, {pools.Count} pools; " +
                    string.Join("; ", done.Steps.Where(s => s.State != OperationStepState.Succeeded).Select(s => $"{s.Name} {s.VendorCode} {s.Output}")));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Runs} runs on PostgreSQL, two replicas, a kill at a random save (one of {KillTests.SavesOfThreePoolCreate}) of replica A each run ({killed} runs reached it; in the others A lost its lease to B first), throttling 5 % and server errors 3 % on reads, 10 % / 5 % server errors on the creates, half of the runs with a lost create answer: {completed}/{Runs} completed correctly, {duplicates} duplicates, {adopted} creates adopted, {clock.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine($"emulator: {env.Emulator.Counters.Errors("Throttling.User")} throttled answers, {env.Emulator.Counters.Errors("ServiceUnavailable")} server errors, CreateCluster accepted {env.Emulator.Counters.Successes("CreateCluster")} times");
        Assert.Equal((Runs, 0), (completed, duplicates));
        Assert.Equal(Runs, env.Emulator.Counters.Successes("CreateCluster"));
        // A run may end without its kill when replica A, slowed down, loses its short lease to B first: also a takeover.
        Assert.True(killed >= Runs * 3 / 4, $"Only {killed} runs reached their kill.");
    }

    private static string Scaled(int seconds) => TimeSpan.FromSeconds(seconds * MeasuredScale).ToString("c", CultureInfo.InvariantCulture);
}
