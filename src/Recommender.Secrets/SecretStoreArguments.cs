using Recommender.Core.Errors;

namespace Recommender.Secrets;

/// <summary>
/// Checks every store applies to the organisation and secret ids it is given, before anything else. Both end up as
/// single Vault path segments (<c>orgs/{organization}/{id}</c>), so neither may hold a separator, be <c>.</c> or
/// <c>..</c>, or need escaping: an organisation id is 1 to 128 letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, not
/// starting with <c>.</c>; a secret id is the 64 lower-case hex digits of <see cref="SecretIds"/>.
/// </summary>
public static class SecretStoreArguments
{
    public const int MaxOrganizationLength = 128;

    /// <summary>Throws <see cref="ValidationException"/> unless <paramref name="organization"/> is a safe path segment.</summary>
    public static void RequireOrganization(string organization)
    {
        if (organization is not { Length: > 0 and <= MaxOrganizationLength } || !IsSafeSegment(organization))
        {
            throw new ValidationException("organization",
                $"an organisation id is 1 to {MaxOrganizationLength} letters, digits, '_', '-' or '.', and does not start with '.'.");
        }
    }

    /// <summary>Throws <see cref="ValidationException"/> unless <paramref name="id"/> has the shape of a secret id.</summary>
    public static void RequireId(string id)
    {
        if (!SecretIds.IsWellFormed(id))
        {
            throw new ValidationException("id", "a secret id is 64 lower-case hexadecimal digits (the SHA-256 of the name).");
        }
    }

    /// <summary>ASCII letters, digits, '_', '-' and '.', not empty and not starting with '.' (so never '.' or '..').</summary>
    public static bool IsSafeSegment(string? segment) =>
        !string.IsNullOrEmpty(segment)
        && segment[0] != '.'
        && segment.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.');
}
