using Recommender.Core.Cloud;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>
/// The service killed at every save in turn (so at every step, before and after each cloud call): a new replica on the
/// same store finishes the operation, with exactly one cluster and each pool once in ACK.
/// </summary>
public sealed class KillTests : IAsyncLifetime
{
    /// <summary>Saves of a three-pool create: 2 for reading credentials, 3 per create or wait step (before, ids, after), 1 at the end.</summary>
    private const int SavesOfThreePoolCreate = 2 + (3 * 8) + 1;

    private ProvisioningEnvironment env = null!;

    public async Task InitializeAsync() => env = await ProvisioningEnvironment.StartAsync();

    public async Task DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task Killed_at_every_save_the_next_replica_finishes_without_duplicates()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var account = CredentialReference.OfOrganization(org, secretId);
        var adopted = 0;
        for (var crashAt = 1; crashAt <= SavesOfThreePoolCreate; crashAt++)
        {
            var name = TestInputs.NewName($"kill{crashAt}");
            var operation = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion), null, CancellationToken.None);
            var dying = new CrashingOperationStore(env.Store, crashAt);
            var first = await env.StartRunnerAsync(dying, owner: $"first-{crashAt}");
            var finished = env.WaitForEndAsync(org, operation.Id);
            await Task.WhenAny(dying.Died, finished);
            await first.StopAsync(CancellationToken.None);
            Assert.True(dying.IsDead, $"The operation ended before save {crashAt}: the count of saves is off.");

            // Started an hour later: the dead replica's lease has run out.
            var second = await env.StartRunnerAsync(clock: new ShiftedClock(TimeSpan.FromHours(1)), owner: $"second-{crashAt}");
            var done = await env.WaitForEndAsync(org, operation.Id);
            await second.StopAsync(CancellationToken.None);

            Assert.True(done.State == OperationState.Succeeded, $"Killed at save {crashAt}: {done.State} at {string.Join(", ", done.Steps.Where(s => s.State != OperationStepState.Succeeded).Select(s => $"{s.Name} {s.VendorCode} {s.Output}"))}");
            var cluster = Assert.Single(await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None));
            Assert.Equal(done.Steps[1].ClusterId, cluster.ClusterId);
            var pools = await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, cluster.ClusterId, account, CancellationToken.None);
            Assert.Equal(["batch", "system", "workers"], pools.Select(p => p.NodepoolInfo!.Name).Order());
            adopted += done.Steps.Count(s => s.Output?.Contains("\"adopted\":true", StringComparison.Ordinal) == true);
        }

        // Saves right after a create call are lost in some of the runs above: those creates were found again, not repeated.
        Assert.Equal(4, adopted);
        Assert.Equal(SavesOfThreePoolCreate, env.Emulator.Counters.Successes("CreateCluster"));
    }
}
