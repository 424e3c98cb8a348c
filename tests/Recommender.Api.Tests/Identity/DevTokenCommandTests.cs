using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Recommender.Api.Identity;

namespace Recommender.Api.Tests.Identity;

/// <summary>The <c>dev-token</c> command: tokens for the data directory's development key, never in Production.</summary>
public sealed class DevTokenCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"dev-token-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_token_validates_against_the_key_it_created_and_names_the_organisations()
    {
        var (ok, token, _) = Run(Environments.Development, "dev-token", "--org", "acme", "--role", "admin", "--org", "beta", "--user", "erin", "--ttl", "2h");

        Assert.True(ok);
        var key = DevelopmentSigningKey.LoadOrCreate(directory);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.Trim(), new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidIssuer = IdentityOptions.DevelopmentIssuer,
            ValidAudience = "recommender",
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("erin", result.Claims["sub"]);
        var jwt = new JsonWebToken(token.Trim());
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(119), TimeSpan.FromMinutes(121));
        Assert.Contains("\"acme\":\"admin\"", jwt.GetClaim("orgs").Value, StringComparison.Ordinal);
        Assert.Contains("\"beta\":\"member\"", jwt.GetClaim("orgs").Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_made_once_per_data_directory_and_readable_by_its_owner_only()
    {
        Run(Environments.Development, "dev-token", "--org", "acme");
        var first = File.ReadAllText(DevelopmentSigningKey.PathIn(directory));
        Run(Environments.Development, "dev-token", "--org", "acme");

        Assert.Equal(first, File.ReadAllText(DevelopmentSigningKey.PathIn(directory)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DevelopmentSigningKey.PathIn(directory)));
        }
    }

    [Fact]
    public void Production_refuses_and_makes_no_key()
    {
        var (ok, output, errors) = Run(Environments.Production, "dev-token", "--org", "acme");

        Assert.True(ok);
        Assert.Equal("", output);
        Assert.Contains("Production", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(DevelopmentSigningKey.PathIn(directory)));
        Environment.ExitCode = 0;
    }

    [Theory]
    [InlineData("dev-token")]
    [InlineData("dev-token", "--org", "Not_An_Id")]
    [InlineData("dev-token", "--org", "acme", "--role", "owner")]
    [InlineData("dev-token", "--role", "admin")]
    [InlineData("dev-token", "--org", "acme", "--ttl", "90d")]
    [InlineData("dev-token", "--org", "acme", "--surprise")]
    public void Bad_arguments_print_the_usage_and_no_token(params string[] args)
    {
        var (ok, output, errors) = Run(Environments.Development, args);

        Assert.True(ok);
        Assert.Equal("", output);
        Assert.Contains("usage: dev-token", errors, StringComparison.Ordinal);
        Environment.ExitCode = 0;
    }

    [Fact]
    public void Other_commands_are_not_its_business()
    {
        Assert.False(Run(Environments.Development, "export-catalog", "x.json").Ok);
    }

    private (bool Ok, string Output, string Errors) Run(string environment, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = directory }).Build();
        var host = new HostingEnvironment { EnvironmentName = environment };
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var ok = DevTokenCommand.TryRun(args, configuration, host, output, errors);
        return (ok, output.ToString(), errors.ToString());
    }
}
