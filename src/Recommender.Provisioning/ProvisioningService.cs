using Microsoft.Extensions.Options;
using Recommender.Alibaba.Cs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;
using Recommender.Provisioning.Execution;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Plans;
using Recommender.Provisioning.Preflight;
using Recommender.Secrets;

namespace Recommender.Provisioning;

/// <summary>
/// What the API calls to provision: start operations (stored, then run by a <see cref="ProvisioningRunner"/> of any
/// replica), read them, retry or roll them back, and read the organisation's clusters. Every method takes the
/// organisation and never reveals or touches another one's operations or clusters: their ids are simply not found,
/// with the same message as ids that do not exist. Every check that needs no cloud call is made before anything is
/// stored. Errors are <see cref="RecommenderException"/>s; a <see cref="CloudApiException"/> passes Alibaba's code through.
/// </summary>
public sealed class ProvisioningService(
    IOperationStore store,
    ISecretStore secrets,
    CsClient cs,
    ICatalog catalog,
    LayoutPreflight preflight,
    OperationSignal signal,
    IOptions<ProvisioningOptions> options,
    TimeProvider time)
{
    private readonly ClusterRegistry clusters = new(store);

    /// <summary>
    /// Checks <paramref name="input"/> (fields, the secret, the pre-flight check of the layout against the catalog) and
    /// stores a pending CreateCluster operation; the same <paramref name="idempotencyKey"/> returns the first operation.
    /// Throws <see cref="ValidationException"/> (a field), <see cref="NotFoundException"/> (kind <c>secret</c>),
    /// <see cref="InstanceTypeUnavailableException"/>, <see cref="PriceDriftedException"/>,
    /// <see cref="SecretsUnavailableException"/> (Vault sealed or unreachable), <see cref="ConflictException"/> (the key
    /// was used for another request).
    /// </summary>
    public async Task<ProvisioningOperation> StartCreateClusterAsync(string organization, CreateClusterInput input, string? idempotencyKey, CancellationToken ct)
    {
        RequireOrganization(organization);
        ArgumentNullException.ThrowIfNull(input);
        InputRules.Check(input);
        preflight.Check(input.Cluster.Region, input.Cluster.Zones, input.Layout);
        await RequireSecretAsync(organization, input.SecretId, ct).ConfigureAwait(false);
        return await CreateAsync(organization, OperationKind.CreateCluster, ProvisioningJson.Write(input), input.SecretId, idempotencyKey, OperationSteps.ForCreate(input), ct)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The plan that brings the organisation's cluster <paramref name="clusterId"/> to <paramref name="layout"/> (one
    /// DescribeClusterNodePools call) with its hourly price change; unless <paramref name="dryRun"/>, also a pending
    /// ApplyLayout operation that carries it out (planning again when it runs). Pools the layout does not name are kept
    /// unless <paramref name="deleteUnlistedPools"/>. Throws <see cref="ValidationException"/>,
    /// <see cref="NotFoundException"/> (kind <c>cluster</c>: not this organisation's), the pre-flight exceptions for
    /// pools to create or grow, <see cref="ConflictException"/> (idempotency key reused), <see cref="CloudApiException"/>.
    /// </summary>
    public async Task<ApplyLayoutResult> StartApplyLayoutAsync(
        string organization, string clusterId, LayoutSpec layout, bool dryRun, bool deleteUnlistedPools, string? idempotencyKey, CancellationToken ct)
    {
        RequireOrganization(organization);
        InputRules.Check(layout, "layout");
        var owned = await clusters.GetAsync(organization, clusterId, ct).ConfigureAwait(false);
        var region = owned.Input.Cluster.Region;
        var account = CredentialReference.OfOrganization(organization, owned.Input.SecretId);
        var pools = await OrNotFound(clusterId, cs.DescribeNodePoolsAsync(region, clusterId, account, ct)).ConfigureAwait(false);
        var plan = LayoutPlanner.Plan(clusterId, pools, layout, deleteUnlistedPools, CatalogPrices.Region(catalog, region));
        var growing = plan.Changes.Where(c => c.Kind is NodePoolChangeKind.Create || (c.Kind is NodePoolChangeKind.Scale && c.ToCount > c.FromCount))
            .Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var grown = new LayoutSpec { Pools = [.. layout.Pools.Where(p => growing.Contains(p.Name))] };
        if (grown.Pools.Count > 0)
        {
            // Only what will be bought is checked for stock and price: pools that shrink or stay need neither.
            preflight.Check(region, owned.Input.Cluster.Zones, grown);
        }
        if (dryRun)
        {
            return new ApplyLayoutResult(plan, null);
        }

        var input = new ApplyLayoutInput
        {
            ClusterId = clusterId,
            Region = region,
            SecretId = owned.Input.SecretId,
            Layout = layout,
            DeleteUnlistedPools = deleteUnlistedPools,
        };
        var operation = await CreateAsync(organization, OperationKind.ApplyLayout, ProvisioningJson.Write(input), input.SecretId, idempotencyKey, OperationSteps.ForApplyLayout(input), ct)
            .ConfigureAwait(false);
        return new ApplyLayoutResult(plan, operation);
    }

    /// <summary>
    /// Stores a pending DeleteCluster operation for the organisation's cluster (with the resources ACK made for it unless
    /// <paramref name="retainResources"/>). Throws <see cref="NotFoundException"/> (kind <c>cluster</c>),
    /// <see cref="ConflictException"/> (idempotency key reused).
    /// </summary>
    public async Task<ProvisioningOperation> StartDeleteClusterAsync(string organization, string clusterId, bool retainResources, string? idempotencyKey, CancellationToken ct)
    {
        RequireOrganization(organization);
        var owned = await clusters.GetAsync(organization, clusterId, ct).ConfigureAwait(false);
        var input = new DeleteClusterInput
        {
            ClusterId = clusterId,
            Region = owned.Input.Cluster.Region,
            SecretId = owned.Input.SecretId,
            RetainResources = retainResources,
        };
        return await CreateAsync(organization, OperationKind.DeleteCluster, ProvisioningJson.Write(input), input.SecretId, idempotencyKey, OperationSteps.ForDelete(input), ct)
            .ConfigureAwait(false);
    }

    /// <summary>The organisation's operation; <see cref="NotFoundException"/> (kind <c>operation</c>) otherwise.</summary>
    public async Task<ProvisioningOperation> GetAsync(string organization, string id, CancellationToken ct)
    {
        RequireOrganization(organization);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ValidationException("id", "is required.");
        }

        return await store.GetAsync(organization, id, ct).ConfigureAwait(false) ?? throw new NotFoundException("operation", id);
    }

    /// <summary>The organisation's operations, newest first, a page at a time; <see cref="ValidationException"/> for a bad limit or cursor.</summary>
    public Task<OperationPage> ListAsync(string organization, OperationQuery query, CancellationToken ct)
    {
        RequireOrganization(organization);
        return store.ListAsync(organization, query, ct);
    }

    /// <summary>
    /// Runs a failed operation again from its failed step (a failed rollback goes on rolling back); the steps that
    /// succeeded are not repeated. Throws <see cref="NotFoundException"/>, <see cref="InvalidOperationStateException"/>
    /// when it has not failed.
    /// </summary>
    public Task<ProvisioningOperation> RetryAsync(string organization, string id, CancellationToken ct) =>
        TransitionAsync(organization, id, operation =>
        {
            if (operation.State != OperationState.Failed)
            {
                throw new InvalidOperationStateException(id, operation.State, $"Operation {id} is {operation.State}; only a failed operation can be retried.");
            }

            var failed = operation.Steps.FirstOrDefault(s => s.State == OperationStepState.Failed);
            var steps = operation.Steps.Select(s => s.State == OperationStepState.Failed
                ? s with { State = OperationStepState.Pending, FinishedAt = null }
                : s).ToList();
            var next = failed is not null && StepNames.IsRollBack(failed.Name) ? OperationState.RollingBack : OperationState.Pending;
            return operation with { State = next, Steps = steps };
        }, ct);

    /// <summary>
    /// Undoes what a failed operation created: the cluster of a CreateCluster (with its pools), the pools an ApplyLayout
    /// created (scaled pools keep their new size). The operation goes RollingBack, then RolledBack. Throws
    /// <see cref="NotFoundException"/>, <see cref="InvalidOperationStateException"/> when it has not failed or is a
    /// DeleteCluster (which has nothing to undo).
    /// </summary>
    public Task<ProvisioningOperation> RollBackAsync(string organization, string id, CancellationToken ct) =>
        TransitionAsync(organization, id, operation =>
        {
            if (operation.State != OperationState.Failed || operation.Kind == OperationKind.DeleteCluster
                || operation.Steps.Any(s => StepNames.IsRollBack(s.Name)))
            {
                throw new InvalidOperationStateException(id, operation.State,
                    $"Operation {id} ({operation.Kind}, {operation.State}) cannot be rolled back: only a failed create or apply that was not rolled back before.");
            }

            var undo = OperationSteps.ForRollBack(operation);
            return undo.Count == 0
                ? operation with { State = OperationState.RolledBack }
                : operation with { State = OperationState.RollingBack, Steps = [.. operation.Steps, .. undo] };
        }, ct);

    /// <summary>
    /// The organisations a request naming ACK cluster <paramref name="clusterId"/> must be scoped to: those whose
    /// operations made or touched it (normally one), oldest first; empty when the service never touched it.
    /// </summary>
    public Task<IReadOnlyList<string>> FindClusterOrganizationsAsync(string clusterId, CancellationToken ct) =>
        clusters.FindOrganizationsAsync(clusterId, ct);

    /// <summary>
    /// A kubeconfig of the organisation's cluster whose credentials last <paramref name="temporaryMinutes"/> (default
    /// <see cref="ProvisioningOptions.KubeconfigMinutes"/>, 15–4320). Throws <see cref="ValidationException"/>,
    /// <see cref="NotFoundException"/> (kind <c>cluster</c>), <see cref="CloudApiException"/> (e.g. the cluster is not running yet).
    /// </summary>
    public async Task<ClusterKubeconfig> GetKubeconfigAsync(string organization, string clusterId, int? temporaryMinutes, bool privateIpAddress, CancellationToken ct)
    {
        RequireOrganization(organization);
        var minutes = temporaryMinutes ?? options.Value.KubeconfigMinutes;
        if (minutes is < 15 or > 4320)
        {
            throw new ValidationException("temporaryMinutes", "must be between 15 and 4320.");
        }

        var owned = await clusters.GetAsync(organization, clusterId, ct).ConfigureAwait(false);
        var answer = await OrNotFound(clusterId, cs.DescribeUserKubeconfigAsync(owned.Input.Cluster.Region, clusterId, minutes, privateIpAddress, Account(organization, owned), ct))
            .ConfigureAwait(false);
        return new ClusterKubeconfig(answer.Config, answer.Expiration);
    }

    /// <summary>
    /// The clusters the service created for the organisation and has not deleted, newest first, each with its state from
    /// ACK (one DescribeClusterDetail call each) and its hourly price from the catalog (from its current node pools).
    /// </summary>
    public async Task<IReadOnlyList<ProvisionedCluster>> ListClustersAsync(string organization, CancellationToken ct)
    {
        RequireOrganization(organization);
        var owned = await clusters.ListAsync(organization, ct).ConfigureAwait(false);
        var result = new List<ProvisionedCluster>();
        foreach (var cluster in owned)
        {
            result.Add(await DescribeAsync(organization, cluster, ct).ConfigureAwait(false));
        }

        return result;
    }

    /// <summary>
    /// The ECS instances of the organisation's cluster (masters too), with their pool's name. Throws
    /// <see cref="NotFoundException"/> (kind <c>cluster</c>), <see cref="CloudApiException"/>.
    /// </summary>
    public async Task<IReadOnlyList<ProvisionedNode>> ListClusterNodesAsync(string organization, string clusterId, CancellationToken ct)
    {
        RequireOrganization(organization);
        var owned = await clusters.GetAsync(organization, clusterId, ct).ConfigureAwait(false);
        var region = owned.Input.Cluster.Region;
        var account = Account(organization, owned);
        var pools = await OrNotFound(clusterId, cs.DescribeNodePoolsAsync(region, clusterId, account, ct)).ConfigureAwait(false);
        var names = pools.Where(p => p.Id is not null).ToDictionary(p => p.Id!, p => p.NodepoolInfo?.Name, StringComparer.Ordinal);
        var nodes = await OrNotFound(clusterId, cs.DescribeClusterNodesAsync(region, clusterId, null, account, ct)).ConfigureAwait(false);
        return [.. nodes.Select(n => new ProvisionedNode(
            n.InstanceId, n.InstanceRole, string.IsNullOrEmpty(n.NodepoolId) ? null : n.NodepoolId,
            n.NodepoolId is { Length: > 0 } poolId ? names.GetValueOrDefault(poolId) : null,
            n.InstanceType, n.State, n.NodeStatus, n.SpotStrategy, n.InstanceChargeType, n.IpAddress ?? []))];
    }

    private async Task<ProvisionedCluster> DescribeAsync(string organization, OwnedCluster cluster, CancellationToken ct)
    {
        var spec = cluster.Input.Cluster;
        var account = Account(organization, cluster);
        string state;
        int? size = null;
        decimal? price = null;
        try
        {
            var detail = await cs.DescribeClusterDetailAsync(spec.Region, cluster.ClusterId, account, ct).ConfigureAwait(false);
            state = detail.State ?? "unknown";
            size = detail.Size;
            var pools = await cs.DescribeNodePoolsAsync(spec.Region, cluster.ClusterId, account, ct).ConfigureAwait(false);
            price = HourlyPrice(spec.Region, pools);
        }
        catch (CloudApiException e) when (AlibabaErrorCodes.IsNotFound(e.VendorCode))
        {
            state = CsCluster.Deleted;
        }
        catch (RecommenderException)
        {
            state = "unknown";
        }

        var currency = CatalogPrices.Region(catalog, spec.Region)?.Currency;
        return new ProvisionedCluster(cluster.ClusterId, spec.Name, spec.Region, spec.Kind, state, size, price, currency, cluster.CreatedBy.Id, cluster.CreatedBy.CreatedAt);
    }

    /// <summary>The catalog price of the pools' current sizes; null when one of them has no price.</summary>
    private decimal? HourlyPrice(string region, IReadOnlyList<NodePool> pools)
    {
        var prices = CatalogPrices.Region(catalog, region);
        if (prices is null)
        {
            return null;
        }

        decimal total = 0;
        foreach (var pool in pools.Where(p => p.Status?.State != NodePoolStatus.Deleting))
        {
            var type = pool.ScalingGroup?.InstanceTypes is { Count: > 0 } types ? types[0] : null;
            var spot = pool.ScalingGroup?.SpotStrategy is not (null or NodePoolScalingGroup.NoSpot);
            var unit = type is null ? null : CatalogPrices.UnitPrice(prices, type, spot ? Core.Recommendations.CapacityType.Spot : Core.Recommendations.CapacityType.OnDemand, []);
            if (unit is null)
            {
                return null;
            }

            total += unit.Value * LayoutPlanner.CountOf(pool);
        }

        return total;
    }

    private async Task<ProvisioningOperation> CreateAsync(
        string organization, OperationKind kind, string input, string secretId, string? idempotencyKey, IReadOnlyList<OperationStep> steps, CancellationToken ct)
    {
        var operation = ProvisioningOperation.New(
            organization, kind, input, time.GetUtcNow(), idempotencyKey, CredentialReference.OfOrganization(organization, secretId), steps);
        var stored = await store.CreateAsync(operation, ct).ConfigureAwait(false);
        signal.Notify();
        return stored;
    }

    /// <summary>Compare-and-set of a state change made by a person, re-read and re-decided when a runner's save came first.</summary>
    private async Task<ProvisioningOperation> TransitionAsync(string organization, string id, Func<ProvisioningOperation, ProvisioningOperation> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync(organization, id, ct).ConfigureAwait(false);
            var next = change(current) with { UpdatedAt = time.GetUtcNow() };
            try
            {
                var saved = await store.SaveAsync(next, current.Version, ct).ConfigureAwait(false);
                signal.Notify();
                return saved;
            }
            catch (ConflictException) when (attempt < 5)
            {
                // A runner saved in between (e.g. while releasing a failed operation): decide again on what is now stored.
            }
        }
    }

    private async Task RequireSecretAsync(string organization, string secretId, CancellationToken ct)
    {
        SecretMetadata? secret;
        try
        {
            secret = await secrets.GetAsync(organization, secretId, ct).ConfigureAwait(false);
        }
        catch (ValidationException e) when (e.Argument == "id")
        {
            // The store names its own argument; the caller knows this one as the input's secretId.
            throw new ValidationException("secretId", e.Message[(e.Argument.Length + 2)..]);
        }

        if (secret is null || secret.Type != SecretType.Alibaba)
        {
            throw new NotFoundException("secret", secretId);
        }
    }

    private static CredentialReference Account(string organization, OwnedCluster cluster) => CredentialReference.OfOrganization(organization, cluster.Input.SecretId);

    private static async Task<T> OrNotFound<T>(string clusterId, Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (CloudApiException e) when (e.VendorCode == AlibabaErrorCodes.ClusterNotFound)
        {
            throw new NotFoundException("cluster", clusterId);
        }
    }

    private static void RequireOrganization(string organization)
    {
        if (string.IsNullOrWhiteSpace(organization))
        {
            throw new ValidationException("organization", "is required.");
        }
    }
}
