using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Recommender.Api.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>JwtBearer authentication configured from the <c>Identity</c> section, and the mutation rate limiter.</summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdentityOptions>()
            .Bind(configuration.GetSection(IdentityOptions.SectionName))
            .Validate(o => o.MutationsPerMinute >= 1 && o.MutationBurst >= 1, "Identity:MutationsPerMinute and MutationBurst must be at least 1.")
            .Validate(o => string.IsNullOrEmpty(o.SigningKey) || IsUsableKey(o.SigningKey), "Identity:SigningKey must be at least 32 bytes (text, or base64:…).")
            .Validate(o => string.IsNullOrEmpty(o.Authority) || Uri.IsWellFormedUriString(o.Authority, UriKind.Absolute), "Identity:Authority must be an absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Audience), "Identity:Audience is required.")
            .Validate(o => o.OperatorOrganization is null || OrganizationIds.IsValid(o.OperatorOrganization), "Identity:OperatorOrganization is not an organisation id.")
            .ValidateOnStart();
        // No default scheme, and no automatic one either (ASP.NET makes a lone scheme the default, and the authentication
        // middleware it adds by itself would then validate every token on every request, before our memory of accepted
        // tokens is asked). The GraphQL endpoint authenticates explicitly (RequestAuthentication).
        AppContext.SetSwitch("Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme", true);
        services.AddAuthentication().AddJwtBearer();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AuthenticatedTokens>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, TokenValidationSetup>();
        services.AddSingleton<MutationRateLimiter>();
        services.AddSingleton<DevelopmentTokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddHostedService<SecurityStartupCheck>();
        return services;
    }

    private static bool IsUsableKey(string key)
    {
        try
        {
            SigningKeys.Parse(key);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}
