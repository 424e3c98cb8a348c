using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Recommender.Api.Operations;

namespace Recommender.Api.Identity;

/// <summary>
/// Configures ASP.NET's JwtBearer from <see cref="IdentityOptions"/>: an OIDC authority (keys from its metadata), a
/// shared HS256 key, or, outside Production and with neither, the data directory's development key. In Production
/// with neither, no key is trusted and every token is refused.
/// </summary>
public sealed class TokenValidationSetup(IOptions<IdentityOptions> options, IHostEnvironment environment, IConfiguration configuration)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identity = Settings;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.IncludeErrorDetails = false; // our GraphQL answer says what was wrong; the header need not.
        var parameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudience = identity.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = identity.ClockSkew,
            NameClaimType = identity.SubjectClaim,
        };
        switch (Mode(identity, environment))
        {
            case IdentityMode.Authority:
                options.Authority = identity.Authority;
                options.RequireHttpsMetadata = identity.RequireHttpsMetadata;
                parameters.ValidIssuer = identity.Issuer ?? identity.Authority!.TrimEnd('/');
                parameters.ValidIssuers = [identity.Authority!, identity.Authority!.TrimEnd('/'), .. identity.Issuer is { } i ? new[] { i } : []];
                parameters.ValidateIssuer = true;
                break;
            case IdentityMode.SharedKey:
                Symmetric(parameters, SigningKeys.Parse(identity.SigningKey!), identity.Issuer);
                break;
            case IdentityMode.DevelopmentKey:
                Symmetric(parameters, DevelopmentSigningKey.LoadOrCreate(DataDirectory.Resolve(configuration)), identity.Issuer ?? IdentityOptions.DevelopmentIssuer);
                break;
            default:
                // No trusted key: signature validation fails for every token, which is the point.
                parameters.IssuerSigningKeys = [];
                parameters.ValidateIssuer = false;
                break;
        }

        options.TokenValidationParameters = parameters;
    }

    private IdentityOptions Settings => options.Value;

    public static IdentityMode Mode(IdentityOptions identity, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(environment);
        return identity switch
        {
            { Authority: { Length: > 0 } } => IdentityMode.Authority,
            { SigningKey: { Length: > 0 } } => IdentityMode.SharedKey,
            _ when environment.IsProduction() => IdentityMode.None,
            _ => IdentityMode.DevelopmentKey,
        };
    }

    private static void Symmetric(TokenValidationParameters parameters, byte[] key, string? issuer)
    {
        parameters.IssuerSigningKey = new SymmetricSecurityKey(key);
        parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        parameters.ValidateIssuer = issuer is not null;
        parameters.ValidIssuer = issuer;
    }
}
