using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>The emulator-wired host: a secret created from the browser lands in the Vault emulator, checked against the ECS emulator.</summary>
public sealed class ProvisioningFixtureTests(ProvisioningConsoleFixture fixture) : IClassFixture<ProvisioningConsoleFixture>
{
    [BrowserFact]
    public async Task A_secret_created_from_the_browser_is_verified_by_the_emulator_and_stored_in_Vault()
    {
        await using var page = await fixture.OpenPageAsync();
        await page.GotoAsync("/healthz");
        const string create = """
            mutation($org: ID!, $input: SecretInput!) { createSecret(org: $org, input: $input) { id name version } }
            """;
        var input = new
        {
            name = "alibaba",
            type = "ALIBABA",
            values = new[]
            {
                new { field = "ALIBABA_ACCESS_KEY_ID", value = ProvisioningConsoleFixture.AccessKeyId },
                new { field = "ALIBABA_ACCESS_KEY_SECRET", value = ProvisioningConsoleFixture.AccessKeySecret },
            },
        };

        var answer = await FixtureTests.GraphQLAsync(page.Page, create, fixture.Token("demo"), new { org = "demo", input });

        Assert.False(answer.TryGetProperty("errors", out var errors), errors.ToString());
        Assert.Contains(fixture.Vault.Requests, r => r.Path.StartsWith("secret/data/orgs/demo/", StringComparison.Ordinal));
    }
}
