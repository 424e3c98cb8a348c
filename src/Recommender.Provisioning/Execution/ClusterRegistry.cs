using Recommender.Core.Errors;
using Recommender.Provisioning.Inputs;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// The clusters an organisation owns, as far as the service knows: those its CreateCluster operations made, minus those
/// a DeleteCluster operation of the organisation finished deleting. A cluster id that is not here is, for that
/// organisation, not found, whoever it belongs to in ACK.
/// </summary>
public sealed class ClusterRegistry(IOperationStore store)
{
    /// <summary>The organisation's clusters, newest first.</summary>
    public async Task<IReadOnlyList<OwnedCluster>> ListAsync(string organization, CancellationToken ct)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var operation in AllAsync(organization, OperationKind.DeleteCluster, ct))
        {
            if (operation.State == OperationState.Succeeded)
            {
                deleted.Add(ProvisioningJson.Read<DeleteClusterInput>(operation.Input).ClusterId);
            }
        }

        var owned = new List<OwnedCluster>();
        await foreach (var operation in AllAsync(organization, OperationKind.CreateCluster, ct))
        {
            var clusterId = operation.Steps.FirstOrDefault(s => s.Name == StepNames.CreateCluster)?.ClusterId;
            if (clusterId is not null && !deleted.Contains(clusterId) && operation.State != OperationState.RolledBack)
            {
                owned.Add(new OwnedCluster(clusterId, operation, ProvisioningJson.Read<CreateClusterInput>(operation.Input)));
            }
        }

        return owned;
    }

    /// <summary>The organisation's cluster <paramref name="clusterId"/>; <see cref="NotFoundException"/> (kind <c>cluster</c>) otherwise.</summary>
    public async Task<OwnedCluster> GetAsync(string organization, string clusterId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(clusterId))
        {
            throw new ValidationException("clusterId", "is required.");
        }

        var owned = await ListAsync(organization, ct).ConfigureAwait(false);
        return owned.FirstOrDefault(c => string.Equals(c.ClusterId, clusterId, StringComparison.Ordinal))
            ?? throw new NotFoundException("cluster", clusterId);
    }

    /// <summary>
    /// The organisations whose operations made or touched ACK cluster <paramref name="clusterId"/>, oldest first; empty
    /// for a cluster the service never touched. The one lookup across organisations: callers use it only to decide
    /// which organisation's membership a request about that cluster needs, never to read another organisation's data.
    /// </summary>
    public Task<IReadOnlyList<string>> FindOrganizationsAsync(string clusterId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(clusterId) ? Task.FromResult<IReadOnlyList<string>>([]) : store.FindClusterOrganizationsAsync(clusterId, ct);

    private async IAsyncEnumerable<ProvisioningOperation> AllAsync(
        string organization, OperationKind kind, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(organization, new OperationQuery(Kind: kind, Limit: OperationQuery.MaxLimit, Cursor: cursor), ct).ConfigureAwait(false);
            foreach (var operation in page.Items)
            {
                yield return operation;
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
