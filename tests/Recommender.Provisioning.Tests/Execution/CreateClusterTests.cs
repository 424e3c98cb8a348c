using Recommender.Alibaba.Cs;
using Recommender.Core.Cloud;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;
using Recommender.Testing.Stores;

namespace Recommender.Provisioning.Tests.Execution;

/// <summary>CreateCluster end to end against the emulator: managed and dedicated, three pools, the steps' record, and what the service lists afterwards.</summary>
public sealed class CreateClusterTests : IAsyncLifetime
{
    private ProvisioningEnvironment env = null!;

    public async Task InitializeAsync() => env = await ProvisioningEnvironment.StartAsync();

    public async Task DisposeAsync() => await env.DisposeAsync();

    [Theory]
    [InlineData(ClusterKind.Managed)]
    [InlineData(ClusterKind.Dedicated)]
    public async Task A_three_pool_cluster_is_created_step_by_step_and_recorded(ClusterKind kind)
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        await env.StartRunnerAsync();
        var name = TestInputs.NewName();

        var started = await env.Service.StartCreateClusterAsync(org, TestInputs.Create(secretId, name, env.CatalogRegion, kind), "key-1", CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal(
            [StepNames.ReadCredentials, StepNames.CreateCluster, StepNames.WaitForCluster,
             StepNames.CreateNodePool, StepNames.CreateNodePool, StepNames.CreateNodePool,
             StepNames.WaitForNodePool, StepNames.WaitForNodePool, StepNames.WaitForNodePool],
            done.Steps.Select(s => s.Name));
        Assert.All(done.Steps, s =>
        {
            Assert.Equal(OperationStepState.Succeeded, s.State);
            Assert.Equal(1, s.Attempts);
            Assert.NotNull(s.StartedAt);
            Assert.True(s.FinishedAt >= s.StartedAt);
            Assert.Null(s.VendorCode);
        });
        var clusterId = done.Steps[1].ClusterId;
        Assert.NotNull(clusterId);
        Assert.NotNull(done.Steps[1].TaskId);
        Assert.All(done.Steps.Skip(1), s => Assert.Equal(clusterId, s.ClusterId));
        Assert.All(done.Steps.Where(s => s.NodePool is not null), s => Assert.NotNull(s.NodePoolId));

        var account = CredentialReference.OfOrganization(org, secretId);
        var clusters = await env.Cs.FindClustersByNameAsync(ProvisioningEnvironment.Region, name, account, CancellationToken.None);
        var cluster = Assert.Single(clusters);
        Assert.Equal(kind == ClusterKind.Managed ? CreateClusterRequest.ManagedKubernetes : CreateClusterRequest.DedicatedKubernetes, cluster.ClusterType);
        Assert.Contains(cluster.Tags!, t => t.Key == "recommender.operation-id" && t.Value == done.Id);
        var pools = await env.Cs.DescribeNodePoolsAsync(ProvisioningEnvironment.Region, clusterId, account, CancellationToken.None);
        Assert.Equal(["batch", "system", "workers"], pools.Select(p => p.NodepoolInfo!.Name).Order());
        Assert.All(pools, p => Assert.Equal(NodePoolStatus.Active, p.Status!.State));
        var batch = pools.Single(p => p.NodepoolInfo!.Name == "batch");
        Assert.Equal(NodePoolScalingGroup.SpotWithPriceLimit, batch.ScalingGroup!.SpotStrategy);
        Assert.Contains(batch.KubernetesConfig!.Taints!, t => t.Key == "batch" && t.Effect == "NoSchedule");
        Assert.Contains(batch.KubernetesConfig!.Labels!, l => l.Key == "recommender.io/pool" && l.Value == "batch");

        var nodes = await env.Service.ListClusterNodesAsync(org, clusterId, CancellationToken.None);
        Assert.Equal(5, nodes.Count(n => n.Role == ClusterNode.Worker));
        Assert.Equal(kind == ClusterKind.Dedicated ? 3 : 0, nodes.Count(n => n.Role == ClusterNode.Master));
        Assert.Equal(2, nodes.Count(n => n.NodePoolName == "batch" && n.SpotStrategy == NodePoolScalingGroup.SpotWithPriceLimit));

        var listed = Assert.Single(await env.Service.ListClustersAsync(org, CancellationToken.None));
        Assert.Equal((clusterId, name, CsCluster.Running, done.Id), (listed.ClusterId, listed.Name, listed.State, listed.OperationId));
        var expected = env.CatalogRegion.Find(TestInputs.Buyable(env.CatalogRegion)[0].Name)!.OnDemandPrice
            + (2 * env.CatalogRegion.Find(TestInputs.Buyable(env.CatalogRegion)[1].Name)!.OnDemandPrice)
            + (2 * env.CatalogRegion.Find(TestInputs.Buyable(env.CatalogRegion)[2].Name)!.SpotPrices.Max(p => p.Price));
        Assert.Equal(expected, listed.HourlyPrice);

        var kubeconfig = await env.Service.GetKubeconfigAsync(org, clusterId, null, false, CancellationToken.None);
        Assert.Contains(clusterId, kubeconfig.Config, StringComparison.Ordinal);
        Assert.DoesNotContain("client-key-data", kubeconfig.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipeline_body_without_a_network_gets_one_from_ack()
    {
        var org = TestSecrets.NewOrganization();
        var secretId = await env.AddSecretAsync(org);
        await env.StartRunnerAsync();
        var type = TestInputs.Buyable(env.CatalogRegion)[0].Name;
        var input = PipelineRequests.ToInput(new PipelineCreateClusterRequest
        {
            Name = TestInputs.NewName("pipeline"),
            Location = ProvisioningEnvironment.Region,
            SecretId = secretId,
            Properties = new PipelineClusterProperties
            {
                Acsk = new PipelineAcskProperties
                {
                    RegionId = ProvisioningEnvironment.Region,
                    ZoneId = TestInputs.Zone,
                    MasterInstanceType = type,
                    MasterSystemDiskCategory = "cloud_efficiency",
                    NodePools = new Dictionary<string, PipelineNodePool>
                    {
                        ["pool1"] = new() { Count = 1, InstanceType = type, Image = "aliyun_3_x64_20G_alibase_20240819.vhd", SystemDiskCategory = "cloud_efficiency" },
                    },
                },
            },
        });

        var started = await env.Service.StartCreateClusterAsync(org, input, null, CancellationToken.None);
        var done = await env.WaitForEndAsync(org, started.Id);

        Assert.Equal(OperationState.Succeeded, done.State);
        var nodes = await env.Service.ListClusterNodesAsync(org, done.Steps[1].ClusterId!, CancellationToken.None);
        Assert.Equal(3, nodes.Count(n => n.Role == ClusterNode.Master));
        Assert.Single(nodes, n => n.NodePoolName == "pool1");
    }
}
