using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Recommender.Api.Identity;
using Recommender.Core.Errors;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// issueDevelopmentToken's rules: dev-token's (never in Production, never with a real key or authority) plus a request
/// straight from loopback with no forwarding header. The allowed path over a real socket is in Recommender.Web.Tests
/// (this assembly trusts a shared test key, under which every request is refused, as the last test shows).
/// </summary>
public sealed class DevelopmentTokenIssuerTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"dev-token-issuer-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void A_loopback_request_in_Development_gets_a_token_for_the_organisation_and_role_asked(string address)
    {
        var issued = Issuer(Environments.Development).Issue(Request(address), "acme", OrganizationRole.Member, "erin");

        var jwt = new JsonWebToken(issued.Token);
        Assert.Equal("erin", jwt.Subject);
        Assert.Equal(IdentityOptions.DevelopmentIssuer, jwt.Issuer);
        Assert.Contains("\"acme\":\"member\"", jwt.GetClaim("orgs").Value, StringComparison.Ordinal);
        Assert.Equal(jwt.ValidTo, issued.ExpiresAt.UtcDateTime, TimeSpan.FromSeconds(1));
        Assert.True(File.Exists(DevelopmentSigningKey.PathIn(directory)));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.7")]
    [InlineData("fe80::1")]
    [InlineData(null)]
    public void A_request_from_anywhere_else_is_FORBIDDEN(string? address)
    {
        var refused = Assert.Throws<AccessDeniedException>(() => Issuer(Environments.Development).Issue(Request(address), "acme", OrganizationRole.Admin, "erin"));

        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        Assert.Contains("loopback", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("Forwarded")]
    public void A_loopback_request_through_a_proxy_is_FORBIDDEN(string header)
    {
        var request = Request("127.0.0.1");
        request.Request.Headers[header] = "203.0.113.9";

        var refused = Assert.Throws<AccessDeniedException>(() => Issuer(Environments.Development).Issue(request, "acme", OrganizationRole.Admin, "erin"));

        Assert.Contains("proxy", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_even_on_loopback_and_makes_no_key()
    {
        var refused = Assert.Throws<AccessDeniedException>(() => Issuer(Environments.Production).Issue(Request("127.0.0.1"), "acme", OrganizationRole.Admin, "erin"));

        Assert.Equal(ErrorCodes.Forbidden, refused.Code);
        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(DevelopmentSigningKey.PathIn(directory)));
    }

    [Fact]
    public void A_configured_signing_key_refuses_as_dev_token_does()
    {
        var identity = new IdentityOptions { SigningKey = "a-real-shared-signing-key-0123456789abcdef" };

        var refused = Assert.Throws<AccessDeniedException>(() => Issuer(Environments.Development, identity).Issue(Request("127.0.0.1"), "acme", OrganizationRole.Admin, "erin"));

        Assert.Contains("Identity:SigningKey", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Not_An_Id", "erin", "org")]
    [InlineData("acme", " ", "user")]
    public void Bad_arguments_are_BAD_USER_INPUT(string organization, string user, string argument)
    {
        var refused = Assert.Throws<ValidationException>(() => Issuer(Environments.Development).Issue(Request("127.0.0.1"), organization, OrganizationRole.Admin, user));

        Assert.Equal(argument, refused.Argument);
    }

    [Fact]
    public async Task Over_GraphQL_under_a_configured_key_the_mutation_is_FORBIDDEN()
    {
        using var api = new ApiFactory();

        var answer = await api.PostAsync("mutation { issueDevelopmentToken(org: \"acme\", role: ADMIN) { token } }");

        Assert.Equal("FORBIDDEN", answer.ErrorCode);
        Assert.Contains("Identity:SigningKey", answer.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private DevelopmentTokenIssuer Issuer(string environment, IdentityOptions? identity = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = directory }).Build();
        return new DevelopmentTokenIssuer(Options.Create(identity ?? new IdentityOptions()), new HostingEnvironment { EnvironmentName = environment },
            configuration, TimeProvider.System);
    }

    private static DefaultHttpContext Request(string? address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        return context;
    }
}
