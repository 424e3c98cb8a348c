namespace Recommender.Api.Identity;

/// <summary>A user's role in one organisation, as the token states it. Admins may do all a member may.</summary>
public enum OrganizationRole
{
    /// <summary>Reads the organisation's objects and uses its secrets (to provision).</summary>
    Member,

    /// <summary>Also writes secrets and runs operator mutations (refreshCatalog).</summary>
    Admin,
}
