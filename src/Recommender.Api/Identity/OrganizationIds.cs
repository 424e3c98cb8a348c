using System.Text.RegularExpressions;

namespace Recommender.Api.Identity;

/// <summary>
/// An organisation id is a DNS-label-like name (lower-case letters, digits and inner hyphens, up to 63): safe as a path
/// segment in Vault and as a key anywhere else.
/// </summary>
public static partial class OrganizationIds
{
    public static bool IsValid(string? organization) => organization is not null && Shape().IsMatch(organization);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex Shape();
}
