using System.Globalization;
using Recommender.Api.Operations;

namespace Recommender.Api.Identity;

/// <summary>
/// <c>dev-token --org acme --role admin [--org beta --role member …] [--user alice] [--ttl 8h]</c> prints a token
/// signed with this data directory's development key, for the embedded default (no identity provider). Refused when
/// the environment is Production or when a real key or authority is configured, since the token would not be accepted.
/// </summary>
public static class DevTokenCommand
{
    public const string Verb = "dev-token";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(12);

    /// <summary>Runs the command if <paramref name="args"/> names it; returns whether it did (the caller then exits).</summary>
    public static bool TryRun(string[] args, IConfiguration configuration, IHostEnvironment environment, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length == 0 || args[0] != Verb)
        {
            return false;
        }

        var identity = configuration.GetSection(IdentityOptions.SectionName).Get<IdentityOptions>() ?? new IdentityOptions();
        if (DevelopmentTokenIssuer.ModeRefusal(identity, environment) is { } refused)
        {
            errors.WriteLine($"dev-token: {refused}");
            Environment.ExitCode = 1;
            return true;
        }

        if (!TryParse(args, out var request, out var problem))
        {
            errors.WriteLine($"dev-token: {problem}");
            errors.WriteLine("usage: dev-token --org <id> [--role admin|member] [--org <id> [--role …]]… [--user <name>] [--ttl 12h]");
            Environment.ExitCode = 1;
            return true;
        }

        var key = DevelopmentSigningKey.LoadOrCreate(DataDirectory.Resolve(configuration));
        output.WriteLine(TokenMinter.Mint(key, identity.Issuer ?? IdentityOptions.DevelopmentIssuer, identity.Audience, request.User,
            request.Organizations, DateTimeOffset.UtcNow, request.Lifetime));
        return true;
    }

    private static bool TryParse(string[] args, out (string User, Dictionary<string, OrganizationRole> Organizations, TimeSpan Lifetime) request, out string problem)
    {
        var organizations = new Dictionary<string, OrganizationRole>(StringComparer.Ordinal);
        var user = "developer";
        var lifetime = DefaultLifetime;
        string? current = null;
        request = default;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--org" when OrganizationIds.IsValid(value):
                    current = value!;
                    organizations[current] = OrganizationRole.Member;
                    i++;
                    break;
                case "--org":
                    problem = $"'{value}' is not an organisation id (lower-case letters, digits and inner hyphens, up to 63).";
                    return false;
                case "--role" when current is not null && Enum.TryParse<OrganizationRole>(value, ignoreCase: true, out var role):
                    organizations[current] = role;
                    i++;
                    break;
                case "--role":
                    problem = "--role must follow an --org and be admin or member.";
                    return false;
                case "--user" when !string.IsNullOrWhiteSpace(value):
                    user = value;
                    i++;
                    break;
                case "--ttl" when TryParseLifetime(value, out var parsed):
                    lifetime = parsed;
                    i++;
                    break;
                default:
                    problem = $"unexpected '{args[i]}'.";
                    return false;
            }
        }

        if (organizations.Count == 0)
        {
            problem = "name at least one --org.";
            return false;
        }

        request = (user, organizations, lifetime);
        problem = "";
        return true;
    }

    /// <summary>A number with a unit: 30m, 12h, 7d (at most 30 days).</summary>
    private static bool TryParseLifetime(string? text, out TimeSpan lifetime)
    {
        lifetime = default;
        if (text is not { Length: >= 2 } || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        lifetime = text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            _ => TimeSpan.Zero,
        };
        return lifetime > TimeSpan.Zero && lifetime <= TimeSpan.FromDays(30);
    }
}
