using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

public sealed class VaultOptionsTests
{
    [Fact]
    public void A_token_or_an_approle_is_enough()
    {
        Assert.Null(Options(o => o.Token = "hvs.x").Problem());
        Assert.Null(Options(o => o.TokenFile = "/run/secrets/vault-token").Problem());
        Assert.Null(Options(o => (o.AppRole.RoleId, o.AppRole.SecretIdFile) = ("role", "/run/secrets/secret-id")).Problem());
        Assert.Null(Options(o => o.AppRole.RoleIdFile = "/run/role-id").Problem());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("both")]
    [InlineData("token and file")]
    [InlineData("secret id without role")]
    [InlineData("bad address")]
    [InlineData("bad mount")]
    [InlineData("zero attempts")]
    [InlineData("no deadline")]
    public void Problems_are_named(string problem)
    {
        var options = Options(o => o.Token = "hvs.x");
        switch (problem)
        {
            case "none": options.Token = null; break;
            case "both": options.AppRole.RoleId = "r"; break;
            case "token and file": options.TokenFile = "/f"; break;
            case "secret id without role": (options.Token, options.AppRole.SecretId) = (null, "s"); break;
            case "bad address": options.Address = new Uri("/relative", UriKind.Relative); break;
            case "bad mount": options.Mount = "../sys"; break;
            case "zero attempts": options.MaxAttempts = 0; break;
            default: options.OverallDeadline = TimeSpan.Zero; break;
        }

        Assert.NotNull(options.Problem());
    }

    [Fact]
    public void A_mount_may_have_several_segments() => Assert.Null(Options(o => (o.Token, o.Mount) = ("t", "teams/kv-v2")).Problem());

    private static VaultOptions Options(Action<VaultOptions> configure)
    {
        var options = new VaultOptions { Address = new Uri("http://127.0.0.1:8200") };
        configure(options);
        return options;
    }
}
