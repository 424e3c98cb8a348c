using GraphQL;
using Recommender.Api.Identity;
using Recommender.Core.Errors;
using Recommender.Provisioning;

namespace Recommender.Api.GraphQL.ScaleOut;

/// <summary>
/// Which organisation a request about a cluster is scoped to. A cluster label the service never provisioned is just a
/// label: the request is anonymous unless it names an organisation. A cluster the service created belongs to the
/// organisation that created it, so asking about it (a scale-out, its decision log) needs that organisation's
/// membership whether or not the caller names it: anonymous is UNAUTHENTICATED, another organisation's member
/// FORBIDDEN, and naming an organisation of yours that does not own it NOT_FOUND (as for any other object of another
/// organisation).
/// </summary>
public static class ClusterScope
{
    /// <summary>
    /// The organisation to use for <paramref name="clusterId"/> when the caller named <paramref name="named"/> (null:
    /// none); membership is checked. Null when the request stays anonymous.
    /// </summary>
    public static async Task<string?> OrganizationAsync(IResolveFieldContext context, string? named, string? clusterId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (named is not null)
        {
            context.RequireMember(named);
        }

        if (string.IsNullOrWhiteSpace(clusterId))
        {
            return named;
        }

        var owners = await context.RequestServices!.GetRequiredService<ProvisioningService>()
            .FindClusterOrganizationsAsync(clusterId, context.CancellationToken).ConfigureAwait(false);
        if (owners.Count == 0)
        {
            return named;
        }

        if (named is not null)
        {
            return owners.Contains(named, StringComparer.Ordinal) ? named : throw new NotFoundException("cluster", clusterId);
        }

        var caller = context.OptionalCaller();
        var owner = owners.FirstOrDefault(o => caller?.RoleIn(o) is not null) ?? owners[0];
        context.RequireMember(owner);
        return owner;
    }
}
