using System.Net;
using Microsoft.Extensions.Options;
using Recommender.Api.Operations;
using Recommender.Core.Errors;

namespace Recommender.Api.Identity;

/// <summary>
/// The console's "sign in with a development token": the same token <c>dev-token</c> prints, issued over GraphQL. The
/// same rules refuse it (<see cref="ModeRefusal"/>: Production, or a real key or authority configured), and one more:
/// the request must come straight from loopback. The embedded default listens on 127.0.0.1 only, so whoever can reach
/// it there could equally run <c>dev-token</c> on the machine; a service made to listen on other addresses, or put
/// behind a proxy (which would make every client look local), must not hand tokens to whoever asks.
/// </summary>
public sealed class DevelopmentTokenIssuer(IOptions<IdentityOptions> options, IHostEnvironment environment, IConfiguration configuration, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    /// <summary>Why <c>dev-token</c> (and this) must refuse under these settings, or null when development tokens are accepted.</summary>
    public static string? ModeRefusal(IdentityOptions identity, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return TokenValidationSetup.Mode(identity, environment) == IdentityMode.DevelopmentKey
            ? null
            : environment.IsProduction()
                ? "Development tokens are refused in the Production environment; tokens come from your identity provider."
                : "Identity:SigningKey or Identity:Authority is configured, so development tokens would not be accepted.";
    }

    /// <summary>Why a development token is refused to this request, or null when it may have one.</summary>
    public string? Refusal(HttpContext? request)
    {
        if (ModeRefusal(options.Value, environment) is { } refused)
        {
            return refused;
        }

        var remote = request?.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return "Development tokens are issued only to a browser on the service's own machine (a loopback address).";
        }

        var headers = request!.Request.Headers;
        return headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded")
            ? "Development tokens are not issued through a proxy (the request carries a forwarding header)."
            : null;
    }

    /// <summary>
    /// A token for <paramref name="user"/> with <paramref name="role"/> in <paramref name="organization"/>, valid for
    /// <see cref="Lifetime"/>; FORBIDDEN saying why when <see cref="Refusal"/> refuses.
    /// </summary>
    public DevelopmentToken Issue(HttpContext? request, string organization, OrganizationRole role, string user)
    {
        if (Refusal(request) is { } why)
        {
            throw AccessDeniedException.Forbidden(why);
        }

        if (!OrganizationIds.IsValid(organization))
        {
            throw new ValidationException("org", "not an organisation id (lower-case letters, digits and inner hyphens, up to 63).");
        }

        if (string.IsNullOrWhiteSpace(user) || user.Length > 64)
        {
            throw new ValidationException("user", "1 to 64 characters.");
        }

        var identity = options.Value;
        var now = time.GetUtcNow();
        var key = DevelopmentSigningKey.LoadOrCreate(DataDirectory.Resolve(configuration));
        var token = TokenMinter.Mint(key, identity.Issuer ?? IdentityOptions.DevelopmentIssuer, identity.Audience, user.Trim(),
            new Dictionary<string, OrganizationRole>(StringComparer.Ordinal) { [organization] = role }, now, Lifetime);
        return new DevelopmentToken(token, now + Lifetime, user.Trim(), organization, role);
    }
}
