using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Recommender.Web.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace Recommender.Web.Tests;

/// <summary>Recommend, provision and follow, against the emulated ACK; the cluster listed with its price; its kubeconfig; a failure retried.</summary>
public sealed class ProvisionPageTests(ProvisioningConsoleFixture fixture) : IClassFixture<ProvisioningConsoleFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Slow = new() { Timeout = 90_000 };

    [BrowserFact]
    public async Task A_cluster_is_provisioned_followed_to_done_listed_with_its_price_and_its_kubeconfig_downloads()
    {
        await using var page = await fixture.OpenPageAsync();
        await ConsoleSteps.SignInAsync(page, "builders");
        await ConsoleSteps.CreateAlibabaSecretAsync(page, "builders");

        await StartProvisioningAsync(page, "web-e2e");
        var state = page.Page.Locator("#operation-state");
        await Expect(state).ToHaveAttributeAsync("data-state", new Regex("^(SUCCEEDED|FAILED|ROLLED_BACK|CANCELLED)$"), Slow);
        await page.ScreenshotAsync("final");
        await Expect(state).ToHaveAttributeAsync("data-state", "SUCCEEDED");
        await Expect(state).ToHaveTextAsync("Done");
        await Expect(page.Page.Locator("li[data-state='SUCCEEDED']").First).ToBeVisibleAsync();
        await page.ScreenshotAsync("done");
        await page.AssertAccessibleAsync("done");

        await page.Page.GetByRole(AriaRole.Link, new() { Name = "See the clusters" }).ClickAsync();
        var row = page.Page.Locator("tr[data-cluster='web-e2e']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator("[data-hourly-price]")).ToHaveTextAsync(new Regex(@"^\d+\.\d{4} [A-Z]{3}$"));
        var download = await page.Page.RunAndWaitForDownloadAsync(() =>
            row.GetByRole(AriaRole.Button, new() { Name = "Download the kubeconfig of web-e2e" }).ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}.yaml");
        await download.SaveAsAsync(saved);
        var config = await File.ReadAllTextAsync(saved);
        File.Delete(saved);
        await page.ScreenshotAsync("clusters");
        await page.AssertAccessibleAsync("clusters");

        Assert.Equal("web-e2e-kubeconfig.yaml", download.SuggestedFilename);
        Assert.Contains("kind: Config", config, StringComparison.Ordinal);

        // Scale-out against the cluster's current pools, logged under its id.
        var p = page.Page;
        await page.GotoAsync("/scale-out");
        await p.GetByLabel("Load pools from").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await p.GetByRole(AriaRole.Button, new() { Name = "Load", Exact = true }).ClickAsync();
        await Expect(p.GetByLabel("Cluster label")).Not.ToHaveValueAsync("my-cluster");
        await Expect(p.GetByLabel("Pool 1 instance type")).Not.ToHaveValueAsync("ecs.g7.xlarge");
        await p.GetByRole(AriaRole.Button, new() { Name = "Recommend a scale-out" }).ClickAsync();
        await Expect(p.Locator("[data-plan='0']")).ToBeVisibleAsync();
        await Expect(p.Locator("tr[data-consultation]")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("scale-out");
        await page.AssertAccessibleAsync("scale-out");
    }

    [BrowserFact]
    public async Task A_failed_step_shows_Alibabas_code_and_message_and_retry_finishes_the_cluster()
    {
        await using var page = await fixture.OpenPageAsync(ConsolePage.Phone);
        await ConsoleSteps.SignInAsync(page, "unlucky");
        await ConsoleSteps.CreateAlibabaSecretAsync(page, "unlucky");
        // Armed only once the form is ready to start, so a failure before that cannot leave it to another test.
        await StartProvisioningAsync(page, "web-retry",
            () => fixture.Alibaba.Faults.For("CreateCluster").FailNext(400, "QuotaExceeded.Cluster", "The maximum number of clusters is exceeded."));
        var state = page.Page.Locator("#operation-state");
        await Expect(state).ToHaveAttributeAsync("data-state", "FAILED", Slow);
        var failed = page.Page.Locator("li[data-state='FAILED']");
        await Expect(failed.Locator("[data-vendor-code]")).ToHaveTextAsync("QuotaExceeded.Cluster");
        await Expect(failed).ToContainTextAsync("The maximum number of clusters is exceeded.");
        await page.ScreenshotAsync("failed");
        await page.AssertAccessibleAsync("failed");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Retry from the failed step" }).ClickAsync();
        await Expect(state).ToHaveAttributeAsync("data-state", "SUCCEEDED", Slow);
        await page.ScreenshotAsync("retried");
    }

    [BrowserFact]
    public async Task A_failed_node_pool_is_rolled_back_from_the_page()
    {
        await using var page = await fixture.OpenPageAsync();
        await ConsoleSteps.SignInAsync(page, "undoers");
        await ConsoleSteps.CreateAlibabaSecretAsync(page, "undoers");
        await StartProvisioningAsync(page, "web-undo",
            () => fixture.Alibaba.Faults.For("CreateClusterNodePool").FailNext(400, "QuotaExceeded.Node", "The node quota of the account is exceeded."));
        var state = page.Page.Locator("#operation-state");
        await Expect(state).ToHaveAttributeAsync("data-state", "FAILED", Slow);
        await Expect(page.Page.Locator("li[data-state='FAILED'] [data-vendor-code]")).ToHaveTextAsync("QuotaExceeded.Node");

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await Expect(state).ToHaveAttributeAsync("data-state", "ROLLED_BACK", Slow);
        await Expect(state).ToHaveTextAsync("Rolled back");
        await page.ScreenshotAsync();
        await page.AssertAccessibleAsync();
    }

    /// <summary>
    /// Recommends 16 vCPU / 32 GiB in cn-hangzhou, keeps the best layout and the organisation's only secret, then runs
    /// <paramref name="beforeStart"/> (a fault to inject, say) and starts.
    /// </summary>
    private static async Task StartProvisioningAsync(ConsolePage page, string clusterName, Action? beforeStart = null)
    {
        var p = page.Page;
        await page.GotoAsync("/provision");
        await p.GetByLabel("Region").SelectOptionAsync("cn-hangzhou");
        await p.GetByLabel("vCPU").FillAsync("16");
        await p.GetByLabel("Memory (GiB)").FillAsync("32");
        await p.GetByRole(AriaRole.Button, new() { Name = "Recommend layouts" }).ClickAsync();
        await Expect(p.Locator("[data-layout='0']")).ToBeVisibleAsync();
        await Expect(p.GetByLabel("Alibaba Cloud secret")).ToHaveValueAsync(new Regex("^[0-9a-f]{64}$"));
        await p.GetByLabel("Cluster name").FillAsync(clusterName);
        await page.ScreenshotAsync($"{clusterName}-form");
        await page.AssertAccessibleAsync($"{clusterName}-form");
        beforeStart?.Invoke();
        await p.GetByRole(AriaRole.Button, new() { Name = "Start provisioning" }).ClickAsync();
        await p.WaitForURLAsync(new Regex(@"/provision\?operation="));
    }
}
