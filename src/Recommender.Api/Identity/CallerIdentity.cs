using System.Security.Claims;
using System.Text.Json;

namespace Recommender.Api.Identity;

/// <summary>
/// Who is calling, from a validated token: the user and their organisations with a role in each. Built from claims only;
/// organisation names that are not valid ids are ignored (they could never name an organisation's path).
/// </summary>
public sealed record CallerIdentity(string Subject, string? DisplayName, IReadOnlyDictionary<string, OrganizationRole> Organizations)
{
    public OrganizationRole? RoleIn(string organization) =>
        Organizations.TryGetValue(organization, out var role) ? role : null;

    /// <summary>The identity of an authenticated principal, or null for an anonymous one.</summary>
    public static CallerIdentity? From(ClaimsPrincipal? user, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (user?.Identity is not { IsAuthenticated: true })
        {
            return null;
        }

        var subject = user.FindFirst(options.SubjectClaim)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var organizations = new Dictionary<string, OrganizationRole>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(options.OrganizationsClaim))
        {
            if (claim.Value.StartsWith('{'))
            {
                AddFromJson(claim.Value, organizations);
            }
            else
            {
                var colon = claim.Value.LastIndexOf(':');
                if (colon > 0)
                {
                    Add(claim.Value[..colon], claim.Value[(colon + 1)..], organizations);
                }
            }
        }

        return new CallerIdentity(subject, user.FindFirst("name")?.Value, organizations);
    }

    private static void AddFromJson(string json, Dictionary<string, OrganizationRole> organizations)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    Add(property.Name, property.Value.GetString()!, organizations);
                }
            }
        }
        catch (JsonException)
        {
            // A claim we cannot read grants nothing.
        }
    }

    private static void Add(string organization, string role, Dictionary<string, OrganizationRole> organizations)
    {
        if (!OrganizationIds.IsValid(organization))
        {
            return;
        }

        OrganizationRole? parsed = role.ToUpperInvariant() switch
        {
            "ADMIN" => OrganizationRole.Admin,
            "MEMBER" => OrganizationRole.Member,
            _ => null,
        };
        if (parsed is { } r && (!organizations.TryGetValue(organization, out var existing) || r > existing))
        {
            organizations[organization] = r;
        }
    }
}
