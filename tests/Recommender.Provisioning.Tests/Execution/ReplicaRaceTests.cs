using Recommender.Core.Cloud;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>
/// Two replicas (two runners, two store instances on the same data) racing for the same operations, on SQLite and on
/// PostgreSQL; and the same request sent twice at once with one idempotency key.
/// </summary>
public sealed class ReplicaRaceTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Two_replicas_on_one_sqlite_file_run_each_operation_once()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("recommender-race-").FullName, "operations.db");
        using var first = new SqliteOperationStore(path);
        using var second = new SqliteOperationStore(path);
        await RaceAsync(() => Task.FromResult<IOperationStore>(first), second);
    }

    [Fact]
    public async Task Two_replicas_on_one_postgres_database_run_each_operation_once()
    {
        var connection = await database.CreateSchemaAsync();
        await using var first = new PostgresOperationStore(connection);
        await using var second = new PostgresOperationStore(connection);
        await RaceAsync(() => Task.FromResult<IOperationStore>(first), second);
    }

    [Fact]
    public async Task The_same_idempotency_key_sent_twice_at_once_makes_one_operation()
    {
        await using var env = await ProvisioningEnvironment.StartAsync();
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var input = TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion);

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => env.Service.StartCreateClusterAsync(org, input, "same-key", CancellationToken.None))));

        Assert.Equal(both[0].Id, both[1].Id);
        Assert.Single((await env.Service.ListAsync(org, new OperationQuery(), CancellationToken.None)).Items);
        var conflict = await Assert.ThrowsAsync<Core.Errors.ConflictException>(() =>
            env.Service.StartCreateClusterAsync(org, input with { Cluster = input.Cluster with { Name = TestInputs.NewName() } }, "same-key", CancellationToken.None));
        Assert.Equal("idempotencyKey", conflict.Kind);
    }

    private static async Task RaceAsync(Func<Task<IOperationStore>> firstStore, IOperationStore secondStore)
    {
        // One operation at a time per replica, so that both take some of the three.
        await using var env = await ProvisioningEnvironment.StartAsync(firstStore, new() { ["Provisioning:MaxConcurrentOperations"] = "1" });
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var names = Enumerable.Range(0, 3).Select(i => TestInputs.NewName($"race{i}")).ToList();
        var operations = new List<ProvisioningOperation>();
        foreach (var name in names)
        {
            operations.Add(await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion), null, CancellationToken.None));
        }

        await secondStore.InitializeAsync(CancellationToken.None);
        await Task.WhenAll(env.StartRunnerAsync(owner: "replica-a"), env.StartRunnerAsync(secondStore, owner: "replica-b"));
        var done = await Task.WhenAll(operations.Select(o => env.WaitForEndAsync(org, o.Id)));

        Assert.All(done, d => Assert.Equal(OperationState.Succeeded, d.State));
        Assert.All(done, d => Assert.All(d.Steps, s => Assert.Equal(1, s.Attempts)));
        var account = CredentialReference.OfOrganization(org, secretId);
        foreach (var name in names)
        {
            var cluster = Assert.Single(await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None));
            var pools = await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, cluster.ClusterId, account, CancellationToken.None);
            Assert.Equal(3, pools.Count);
        }

        Assert.Equal(3, env.Emulator.Counters.Successes("CreateCluster"));
        Assert.Equal(9, env.Emulator.Counters.Successes("CreateClusterNodePool"));
    }
}
