using System.Text;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Preflight;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>Bad secrets, refused credentials, quota, throttling, retry and rollback: each ends in a clear state with the vendor's code.</summary>
public sealed class FaultTests : IAsyncLifetime
{
    private ProvisioningEnvironment env = null!;

    public async Task InitializeAsync() => env = await ProvisioningEnvironment.StartAsync();

    public async Task DisposeAsync() => await env.DisposeAsync();

    [Fact]
    public async Task An_unknown_secret_is_refused_before_anything_is_stored()
    {
        var org = TestSecrets.NewOrganization();
        var other = TestSecrets.NewOrganization();
        var othersSecret = await env.AddSecretAsync(other);

        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            env.Service.StartCreateClusterAsync(org, TestInputs.Create(new string('a', 64), TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None));
        var foreign = await Assert.ThrowsAsync<NotFoundException>(() =>
            env.Service.StartCreateClusterAsync(org, TestInputs.Create(othersSecret, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None));

        Assert.Equal("secret", missing.Kind);
        Assert.Equal(missing.Message.Replace(new string('a', 64), "x", StringComparison.Ordinal), foreign.Message.Replace(othersSecret, "x", StringComparison.Ordinal));
        Assert.Empty((await env.Service.ListAsync(org, new OperationQuery(), CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_secret_deleted_before_the_run_fails_the_first_step_and_creates_nothing()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        await env.Secrets.DeleteAsync(org, secretId, CancellationToken.None);
        await env.StartRunnerAsync();

        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Failed, done.State);
        var failed = Assert.Single(done.Steps, s => s.State == OperationStepState.Failed);
        Assert.Equal(StepNames.ReadCredentials, failed.Name);
        Assert.Contains("\"code\":\"NOT_FOUND\"", failed.Output, StringComparison.Ordinal);
        Assert.Equal(0, env.Emulator.Counters.Total);
        var rolledBack = await env.Service.RollBackAsync(org, started.Id, CancellationToken.None);
        Assert.Equal(OperationState.RolledBack, rolledBack.State);
    }

    [Fact]
    public async Task Credentials_alibaba_rejects_fail_the_create_with_the_vendor_code()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org, seed: "unknown-key");
        await env.StartRunnerAsync();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Failed, done.State);
        var failed = Assert.Single(done.Steps, s => s.State == OperationStepState.Failed);
        Assert.Equal((StepNames.CreateCluster, AlibabaErrorCodes.AccessKeyNotFound, 1), (failed.Name, failed.VendorCode, failed.Attempts));
        Assert.NotNull(failed.VendorRequestId);
        Assert.Equal(0, env.Emulator.Counters.Successes("CreateCluster"));
    }

    [Fact]
    public async Task A_quota_error_fails_permanently_with_code_and_message_and_a_retry_goes_on_from_that_step()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        env.Emulator.Faults.For("CreateClusterNodePool").FailNext(400, "QuotaExceeded.Node", "The node quota of the account is used up.");
        await env.StartRunnerAsync();
        var name = TestInputs.NewName();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion), null, CancellationToken.None);
        var failed = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Failed, failed.State);
        var step = Assert.Single(failed.Steps, s => s.State == OperationStepState.Failed);
        Assert.Equal((StepNames.CreateNodePool, "system", "QuotaExceeded.Node", 1), (step.Name, step.NodePool, step.VendorCode, step.Attempts));
        Assert.Contains("The node quota of the account is used up.", step.VendorMessage, StringComparison.Ordinal);
        Assert.Equal(1, env.Emulator.Counters.Calls("CreateClusterNodePool"));

        var retried = await env.Service.RetryAsync(org, started.Id, CancellationToken.None);
        Assert.Equal(OperationState.Pending, retried.State);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal(1, env.Emulator.Counters.Successes("CreateCluster"));
        Assert.Equal(2, done.Steps.Single(s => s.Name == StepNames.CreateNodePool && s.NodePool == "system").Attempts);
        Assert.All(done.Steps.Where(s => s.Name == StepNames.CreateCluster), s => Assert.Equal(1, s.Attempts));
        var account = CredentialReference.OfOrganization(org, secretId);
        var cluster = Assert.Single(await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None));
        Assert.Equal(3, (await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, cluster.ClusterId, account, CancellationToken.None)).Count);
        await Assert.ThrowsAsync<InvalidOperationStateException>(() => env.Service.RetryAsync(org, started.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Throttling_is_retried_inside_the_step()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        env.Emulator.Faults.For("CreateCluster").ThrottleNext = 4;
        env.Emulator.Faults.For("CreateCluster").ThrottleTimeLeftMs = 20;
        env.Emulator.Faults.For("DescribeTaskInfo").ThrottleNext = 2;
        await env.StartRunnerAsync();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal(6, env.Emulator.Counters.Errors(AlibabaErrorCodes.ThrottlingUser));
        Assert.Equal(1, env.Emulator.Counters.Successes("CreateCluster"));
        // The client's own three attempts were used up once: the step tried again after its backoff.
        Assert.Equal(2, done.Steps.Single(s => s.Name == StepNames.CreateCluster).Attempts);
    }

    [Fact]
    public async Task A_failed_create_is_rolled_back_by_deleting_the_cluster_it_made()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        env.Emulator.Faults.For("CreateClusterNodePool").TaskFailNext = 1;
        env.Emulator.Faults.For("CreateClusterNodePool").TaskFailureCode = "InsufficientStock";
        await env.StartRunnerAsync();
        var name = TestInputs.NewName();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion), null, CancellationToken.None);
        var failed = await env.WaitForEndAsync(org, started.Id);
        Assert.Equal(OperationState.Failed, failed.State);
        var step = Assert.Single(failed.Steps, s => s.State == OperationStepState.Failed);
        Assert.Equal((StepNames.WaitForNodePool, "InsufficientStock"), (step.Name, step.VendorCode));

        var rolling = await env.Service.RollBackAsync(org, started.Id, CancellationToken.None);
        Assert.Equal(OperationState.RollingBack, rolling.State);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.RolledBack, done.State);
        Assert.Equal([StepNames.RollBackDeleteCluster, StepNames.RollBackWaitForClusterDeleted], done.Steps.Where(s => StepNames.IsRollBack(s.Name)).Select(s => s.Name));
        Assert.All(done.Steps.Where(s => s.Name is StepNames.CreateCluster or StepNames.CreateNodePool), s => Assert.Equal(OperationStepState.RolledBack, s.State));
        var account = CredentialReference.OfOrganization(org, secretId);
        Assert.Empty(await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None));
        Assert.Empty(await env.Service.ListClustersAsync(org, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationStateException>(() => env.Service.RollBackAsync(org, started.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_type_sold_out_in_the_zone_or_a_drifted_price_is_refused_before_any_cloud_call()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var input = TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion);
        var workers = input.Layout.Pools[1];
        var region = env.CatalogRegion;

        env.Catalog.Replace(With(region, workers.InstanceTypes[0], o => o with
        {
            Availability = [.. o.Availability.Select(a => a.Zone == TestInputs.Zone ? a with { Status = StockStatus.SoldOut } : a)],
        }));
        var soldOut = await Assert.ThrowsAsync<InstanceTypeUnavailableException>(() => env.Service.StartCreateClusterAsync(org, input, null, CancellationToken.None));
        Assert.Equal((workers.InstanceTypes[0], TestInputs.Zone, ProvisioningErrorCodes.TypeUnavailable), (soldOut.InstanceType, soldOut.Zone, soldOut.Code));

        var quoted = workers.QuotedUnitPrice!.Value;
        env.Catalog.Replace(With(region, workers.InstanceTypes[0], o => o with { OnDemandPrice = quoted * 1.10m }));
        var drifted = await Assert.ThrowsAsync<PriceDriftedException>(() => env.Service.StartCreateClusterAsync(org, input, null, CancellationToken.None));
        Assert.Equal((quoted, quoted * 1.10m, 10m, "workers"), (drifted.Quoted, drifted.Current, Math.Round(drifted.Percent, 2), drifted.Pool));
        Assert.Equal(ProvisioningErrorCodes.PriceDrifted, drifted.Code);
        Assert.Equal(10m, drifted.Details["percent"]);

        env.Catalog.Replace(With(region, workers.InstanceTypes[0], o => o with { OnDemandPrice = quoted * 1.04m }));
        var accepted = await env.Service.StartCreateClusterAsync(org, input, null, CancellationToken.None);
        Assert.Equal(OperationState.Pending, accepted.State);
        Assert.Equal(0, env.Emulator.Counters.Total);
    }

    [Fact]
    public async Task No_secret_value_reaches_an_operation_record_or_the_database_file()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        var refused = await env.AddSecretAsync(org, "refused", seed: "not-registered");
        env.Emulator.Faults.For("CreateClusterNodePool").EchoRequestNext = 1;
        await env.StartRunnerAsync();

        var ok = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        var bad = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(refused, TestInputs.NewName(), env.CatalogRegion), null, CancellationToken.None);
        await env.WaitForEndAsync(org, ok.Id);
        await env.WaitForEndAsync(org, bad.Id);

        var records = (await env.Service.ListAsync(org, new OperationQuery(), CancellationToken.None)).Items;
        Assert.Equal(2, records.Count);
        var text = System.Text.Json.JsonSerializer.Serialize(records);
        Assert.DoesNotContain(TestSecrets.Canary, text, StringComparison.Ordinal);
        Assert.Contains(records, r => r.Steps.Any(s => s.VendorCode == AlibabaErrorCodes.AccessKeyNotFound));
        var file = ((SqliteOperationStore)env.Store).FilePath;
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            using var copy = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(copy, Encoding.Latin1);
            Assert.DoesNotContain(TestSecrets.Canary, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
    }

    private static RegionCatalog With(RegionCatalog region, string type, Func<InstanceOffering, InstanceOffering> change) => new(
        region.Provider, region.Region, region.Currency, region.Source, region.UpdatedAt, region.Version + 1,
        [.. region.InstanceTypes.Select(o => o.Name == type ? change(o) : o)]);
}
