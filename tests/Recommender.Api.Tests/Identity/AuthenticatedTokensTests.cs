using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Recommender.Api.Identity;

namespace Recommender.Api.Tests.Identity;

/// <summary>Accepted tokens are remembered no longer than their expiry and never more than five minutes.</summary>
public sealed class AuthenticatedTokensTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_remembered_token_is_forgotten_when_it_expires()
    {
        var tokens = new AuthenticatedTokens(Options.Create(new IdentityOptions()), time);
        tokens.Add("Bearer a", Principal("alice"), time.GetUtcNow().AddMinutes(2));

        Assert.True(tokens.TryGet("Bearer a", out var principal, out var caller));
        Assert.Equal("alice", caller!.Subject);
        Assert.Same(principal, tokens.TryGet("Bearer a", out var again, out _) ? again : null);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(tokens.TryGet("Bearer a", out _, out _));
    }

    [Fact]
    public void A_long_lived_token_is_validated_again_after_five_minutes()
    {
        var tokens = new AuthenticatedTokens(Options.Create(new IdentityOptions()), time);
        tokens.Add("Bearer b", Principal("bob"), time.GetUtcNow().AddHours(8));

        time.Advance(AuthenticatedTokens.MaxReuse - TimeSpan.FromSeconds(1));
        Assert.True(tokens.TryGet("Bearer b", out _, out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(tokens.TryGet("Bearer b", out _, out _));
    }

    [Fact]
    public void A_token_without_an_expiry_is_not_remembered()
    {
        var tokens = new AuthenticatedTokens(Options.Create(new IdentityOptions()), time);
        tokens.Add("Bearer c", Principal("carol"), null);

        Assert.False(tokens.TryGet("Bearer c", out _, out _));
        Assert.False(tokens.TryGet("Bearer other", out _, out _));
    }

    [Fact]
    public async Task Through_the_service_a_remembered_token_still_answers_as_its_user()
    {
        using var api = new ApiFactory();
        var token = TestTokens.Mint("dora", ("acme", OrganizationRole.Member));

        var first = await api.PostAsync("""{ viewer { subject } }""", token: token);
        var second = await api.PostAsync("""{ viewer { subject } }""", token: token);

        Assert.Equal("dora", first.Data.GetProperty("viewer").GetProperty("subject").GetString());
        Assert.Equal(first.Body, second.Body);
        var remembered = api.Services.GetRequiredService<AuthenticatedTokens>();
        Assert.True(remembered.TryGet($"Bearer {token}", out _, out var caller));
        Assert.Equal("dora", caller!.Subject);
    }

    private static ClaimsPrincipal Principal(string subject) =>
        new(new ClaimsIdentity([new Claim("sub", subject), new Claim("orgs", """{"acme":"admin"}""")], "Bearer"));
}
