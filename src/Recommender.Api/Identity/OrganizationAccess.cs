using GraphQL;
using Microsoft.Extensions.Options;
using Recommender.Core.Errors;

namespace Recommender.Api.Identity;

/// <summary>
/// The checks every resolver of an organisation's objects makes first, before it reads anything: a token
/// (UNAUTHENTICATED), membership of the organisation named in the arguments (FORBIDDEN, whether or not that
/// organisation or the object exists), and the role. Objects are then read under that organisation only, so another
/// organisation's id is NOT_FOUND.
/// </summary>
public static class OrganizationAccess
{
    public static CallerIdentity RequireCaller(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices!.GetRequiredService<IOptions<IdentityOptions>>().Value;
        return CallerIdentity.From(context.User, options)
            ?? throw AccessDeniedException.Unauthenticated("This needs a bearer token (Authorization: Bearer <JWT>).");
    }

    /// <summary>The caller when the request carries a valid token, else null (anonymous).</summary>
    public static CallerIdentity? OptionalCaller(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.RequestServices!.GetRequiredService<IOptions<IdentityOptions>>().Value;
        return CallerIdentity.From(context.User, options);
    }

    /// <summary>The caller, who is a member (or admin) of <paramref name="organization"/>.</summary>
    public static CallerIdentity RequireMember(this IResolveFieldContext context, string organization) =>
        Require(context, organization, OrganizationRole.Member);

    /// <summary>The caller, who is an admin of <paramref name="organization"/>.</summary>
    public static CallerIdentity RequireAdmin(this IResolveFieldContext context, string organization) =>
        Require(context, organization, OrganizationRole.Admin);

    /// <summary>An admin of the operator organisation (or of any organisation when none is configured).</summary>
    public static CallerIdentity RequireOperator(this IResolveFieldContext context)
    {
        var caller = RequireCaller(context);
        var operatorOrganization = context.RequestServices!.GetRequiredService<IOptions<IdentityOptions>>().Value.OperatorOrganization;
        var allowed = operatorOrganization is { Length: > 0 }
            ? caller.RoleIn(operatorOrganization) == OrganizationRole.Admin
            : caller.Organizations.Values.Contains(OrganizationRole.Admin);
        return allowed
            ? caller
            : throw AccessDeniedException.Forbidden(operatorOrganization is { Length: > 0 }
                ? $"This needs the admin role in organisation '{operatorOrganization}'."
                : "This needs the admin role in an organisation.");
    }

    private static CallerIdentity Require(IResolveFieldContext context, string organization, OrganizationRole role)
    {
        var caller = RequireCaller(context);
        var has = caller.RoleIn(organization);
        if (has is null)
        {
            // Same answer whether the organisation exists or not: membership is all that is checked.
            throw AccessDeniedException.Forbidden($"You are not a member of organisation '{Printable(organization)}'.");
        }

        return has >= role
            ? caller
            : throw AccessDeniedException.Forbidden($"This needs the {role.ToString().ToLowerInvariant()} role in organisation '{organization}'.");
    }

    private static string Printable(string organization) =>
        OrganizationIds.IsValid(organization) ? organization : "(not a valid organisation id)";
}
