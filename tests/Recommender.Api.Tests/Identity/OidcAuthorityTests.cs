using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// With an OIDC authority, the signing keys come from its discovery document and JWKS: an identity provider on
/// loopback publishes an RSA key; tokens it signs are accepted, tokens signed by another key or issuer are not.
/// </summary>
public sealed class OidcAuthorityTests : IAsyncLifetime
{
    private readonly RSA providerKey = RSA.Create(2048);
    private readonly RSA strangerKey = RSA.Create(2048);
    private WebApplication provider = null!;
    private string issuer = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        provider = builder.Build();
        provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{issuer}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        provider.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(providerKey.ExportParameters(false)) { KeyId = "provider-1" });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        await provider.StartAsync();
        issuer = provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await provider.DisposeAsync();
        providerKey.Dispose();
        strangerKey.Dispose();
    }

    [Fact]
    public async Task Tokens_signed_with_the_published_key_are_accepted_and_others_refused()
    {
        using var api = new ApiFactory();
        api.Settings["Identity:Authority"] = issuer;
        api.Settings["Identity:RequireHttpsMetadata"] = "false";

        var good = await api.PostAsync("""{ viewer { subject } }""", token: Sign(providerKey, "provider-1", issuer));
        var stranger = await api.PostAsync("""{ viewer { subject } }""", token: Sign(strangerKey, "provider-1", issuer));
        var otherIssuer = await api.PostAsync("""{ viewer { subject } }""", token: Sign(providerKey, "provider-1", "https://elsewhere.test"));

        Assert.Equal("oidc-user", good.Data.GetProperty("viewer").GetProperty("subject").GetString());
        Assert.Equal("UNAUTHENTICATED", stranger.ErrorCode);
        Assert.Equal("UNAUTHENTICATED", otherIssuer.ErrorCode);
    }

    private static string Sign(RSA key, string keyId, string tokenIssuer)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = tokenIssuer,
            Audience = TestTokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "oidc-user", ["orgs"] = new Dictionary<string, object> { ["acme"] = "member" } },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
