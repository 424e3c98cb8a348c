using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Recommender.Web.Tests;

/// <summary>The secrets page against the Vault emulator, keys checked by the Alibaba emulator.</summary>
public sealed class SecretsPageTests(ProvisioningConsoleFixture fixture) : IClassFixture<ProvisioningConsoleFixture>
{
    [BrowserFact]
    public async Task Secrets_are_created_listed_rotated_and_deleted_and_values_never_come_back()
    {
        await using var page = await fixture.OpenPageAsync();
        await ConsoleSteps.SignInAsync(page, "vaulted");
        await page.GotoAsync("/secrets");
        var p = page.Page;

        await p.GetByLabel("Name", new() { Exact = true }).FillAsync("alibaba");
        await p.GetByLabel("AccessKey ID").FillAsync(ProvisioningConsoleFixture.AccessKeyId);
        await p.GetByLabel("AccessKey secret").FillAsync(ProvisioningConsoleFixture.AccessKeySecret);
        await p.GetByRole(AriaRole.Button, new() { Name = "Store secret" }).ClickAsync();
        var row = p.Locator("tr[data-secret='alibaba']");
        await Expect(row).ToContainTextAsync("ALIBABA_ACCESS_KEY_ID");
        await Expect(p.GetByRole(AriaRole.Status)).ToContainTextAsync("never shown again");
        await page.ScreenshotAsync("created");
        await page.AssertAccessibleAsync("created");
        Assert.DoesNotContain(ProvisioningConsoleFixture.AccessKeySecret, await p.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("", await p.GetByLabel("AccessKey secret").InputValueAsync());

        await p.GetByRole(AriaRole.Button, new() { Name = "Rotate alibaba" }).ClickAsync();
        await p.GetByLabel("AccessKey ID").FillAsync(ProvisioningConsoleFixture.AccessKeyId);
        await p.GetByLabel("AccessKey secret").FillAsync(ProvisioningConsoleFixture.AccessKeySecret);
        await p.GetByRole(AriaRole.Button, new() { Name = "Rotate", Exact = true }).ClickAsync();
        await Expect(p.GetByRole(AriaRole.Status)).ToContainTextAsync("now version 2");
        await Expect(row.Locator("td.num")).ToHaveTextAsync("2");
        Assert.DoesNotContain(ProvisioningConsoleFixture.AccessKeySecret, await p.ContentAsync(), StringComparison.Ordinal);

        await p.GetByRole(AriaRole.Button, new() { Name = "Delete alibaba" }).ClickAsync();
        await p.GetByRole(AriaRole.Button, new() { Name = "Confirm deleting alibaba" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(p.GetByText("No secrets yet.")).ToBeVisibleAsync();
        await page.ScreenshotAsync();
        Assert.Contains(fixture.Vault.Requests, r => r.Method == "DELETE" && r.Path.StartsWith("secret/metadata/orgs/vaulted/", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task A_key_the_cloud_refuses_is_shown_and_the_form_keeps_what_was_typed()
    {
        await using var page = await fixture.OpenPageAsync(ConsolePage.Phone);
        await ConsoleSteps.SignInAsync(page, "refused");
        await page.GotoAsync("/secrets");
        var p = page.Page;

        await p.GetByLabel("Name", new() { Exact = true }).FillAsync("wrong");
        await p.GetByLabel("AccessKey ID").FillAsync("LTAI-not-a-known-key");
        await p.GetByLabel("AccessKey secret").FillAsync("whatever-secret-value");
        await p.GetByRole(AriaRole.Button, new() { Name = "Store secret" }).ClickAsync();

        await Expect(p.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        await Expect(p.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("wrong");
        await Expect(p.GetByLabel("AccessKey ID")).ToHaveValueAsync("LTAI-not-a-known-key");
        await page.ScreenshotAsync();
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task A_rotation_racing_another_is_a_CONFLICT_that_reloads_the_list_and_keeps_what_was_typed()
    {
        await using var page = await fixture.OpenPageAsync();
        await ConsoleSteps.SignInAsync(page, "racing");
        var created = await ConsoleSteps.CreateAlibabaSecretAsync(page, "racing", "shared");
        var id = created.GetProperty("createSecret").GetProperty("id").GetString();
        await page.GotoAsync("/secrets");
        var p = page.Page;
        await p.GetByRole(AriaRole.Button, new() { Name = "Rotate shared" }).ClickAsync();
        await p.GetByLabel("AccessKey ID").FillAsync(ProvisioningConsoleFixture.AccessKeyId);
        await p.GetByLabel("AccessKey secret").FillAsync(ProvisioningConsoleFixture.AccessKeySecret);

        await ConsoleSteps.GraphQLAsync(page, """
            mutation($org: ID!, $id: ID!, $input: SecretInput!) { updateSecret(org: $org, id: $id, version: 1, input: $input) { version } }
            """, new
        {
            org = "racing",
            id,
            // Other tags than the page sends: the same write twice would be taken for a retried one and accepted.
            input = new
            {
                name = "shared",
                type = "ALIBABA",
                tags = new[] { "rotated-elsewhere" },
                values = new[]
                {
                    new { field = "ALIBABA_ACCESS_KEY_ID", value = ProvisioningConsoleFixture.AccessKeyId },
                    new { field = "ALIBABA_ACCESS_KEY_SECRET", value = ProvisioningConsoleFixture.AccessKeySecret },
                },
            },
        });
        await p.GetByRole(AriaRole.Button, new() { Name = "Rotate", Exact = true }).ClickAsync();

        await Expect(p.GetByRole(AriaRole.Alert).First).ToContainTextAsync("Conflict");
        await Expect(p.GetByRole(AriaRole.Status)).ToContainTextAsync("Someone rotated this secret");
        await Expect(p.Locator("tr[data-secret='shared'] td.num")).ToHaveTextAsync("2");
        await Expect(p.GetByLabel("AccessKey ID")).ToHaveValueAsync(ProvisioningConsoleFixture.AccessKeyId);
        await page.ScreenshotAsync();
        await page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task A_sealed_Vault_is_a_clear_banner_and_the_form_keeps_what_was_typed()
    {
        await using var page = await fixture.OpenPageAsync();
        await ConsoleSteps.SignInAsync(page, "sealed");
        await page.GotoAsync("/secrets");
        var p = page.Page;
        await Expect(p.GetByText("No secrets yet.")).ToBeVisibleAsync();
        await p.GetByLabel("Name", new() { Exact = true }).FillAsync("during-the-outage");
        await p.GetByLabel("AccessKey ID").FillAsync(ProvisioningConsoleFixture.AccessKeyId);
        await p.GetByLabel("AccessKey secret").FillAsync(ProvisioningConsoleFixture.AccessKeySecret);
        await p.GetByLabel("Check the key with Alibaba Cloud first (one read-only call)").UncheckAsync();

        fixture.Vault.Seal();
        try
        {
            await p.GetByRole(AriaRole.Button, new() { Name = "Store secret" }).ClickAsync();
            await Expect(p.GetByRole(AriaRole.Alert).First).ToContainTextAsync("The secret store is unavailable");
            await Expect(p.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("during-the-outage");
            await page.ScreenshotAsync();
        }
        finally
        {
            fixture.Vault.Unseal();
        }
    }
}
