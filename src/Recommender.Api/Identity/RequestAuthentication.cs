using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Recommender.Api.GraphQL;
using Recommender.Core.Errors;

namespace Recommender.Api.Identity;

/// <summary>
/// Authenticates a GraphQL request through ASP.NET's JwtBearer handler when it carries an <c>Authorization</c> header.
/// A header that does not authenticate is an error (401 UNAUTHENTICATED saying why), never a silent fall back to
/// anonymous: a client with an expired token should learn that, not get FORBIDDEN further on.
/// </summary>
public static class RequestAuthentication
{
    public static async Task<TransportError?> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return null;
        }

        var accepted = context.RequestServices.GetRequiredService<AuthenticatedTokens>();
        var text = header.ToString();
        if (accepted.TryGet(text, out var principal, out var caller))
        {
            context.User = principal;
            context.Items[typeof(CallerIdentity)] = caller;
            return null;
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            context.User = result.Principal;
            context.Items[typeof(CallerIdentity)] = accepted.Add(text, result.Principal, result.Properties?.ExpiresUtc);
            return null;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        return new TransportError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, Reason(result.Failure));
    }

    /// <summary>The caller this request authenticated as (null when anonymous), read once per request.</summary>
    public static CallerIdentity? Caller(HttpContext context, IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(CallerIdentity), out var known) ? known as CallerIdentity : CallerIdentity.From(context.User, options);
    }

    /// <summary>What was wrong, in words that name no part of the token.</summary>
    private static string Reason(Exception? failure) => failure switch
    {
        null => "The Authorization header must be 'Bearer <JWT>'.",
        SecurityTokenExpiredException expired => $"The token expired at {expired.Expires:u}.",
        SecurityTokenNotYetValidException => "The token is not valid yet (nbf in the future).",
        SecurityTokenInvalidAudienceException => "The token was issued for another audience.",
        SecurityTokenInvalidIssuerException => "The token comes from an issuer this service does not trust.",
        SecurityTokenInvalidAlgorithmException => "The token is signed with an algorithm this service does not accept.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The token's signature does not verify.",
        SecurityTokenNoExpirationException => "The token has no expiry (exp); this service requires one.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT.",
        _ => "The bearer token is not valid.",
    };
}
