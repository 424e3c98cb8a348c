using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>Contract §4.6: PATCH needs the merge-patch content type, an existing live key, and merges per RFC 7396.</summary>
public sealed class PatchTests : VaultTestBase
{
    private const string MergePatch = "application/merge-patch+json";

    [Fact]
    public async Task Patch_merges_into_the_latest_version_as_a_new_version()
    {
        await WriteAsync("app", """{"keep":"k","drop":"d","nested":{"a":"1","b":"2"},"list":[1,2,3]}""");
        var patched = await PatchAsync("secret/data/app", """{"data":{"drop":null,"nested":{"b":null,"c":"3"},"list":[9],"new":"n"}}""");

        Assert.Equal(200, patched.Status);
        Assert.Equal(2, Int(patched.Data, "version"));
        Assert.Equal(string.Empty, Text(patched.Data, "deletion_time"));
        var read = await GetAsync("secret/data/app");
        Assert.Equal("""{"keep":"k","nested":{"a":"1","c":"3"},"list":[9],"new":"n"}""", read.Data.GetProperty("data").GetRawText());
        var first = await GetAsync("secret/data/app?version=1");
        Assert.Equal("""{"keep":"k","drop":"d","nested":{"a":"1","b":"2"},"list":[1,2,3]}""", first.Data.GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task Patch_with_a_charset_parameter_is_accepted()
    {
        await WriteAsync("app", """{"a":"1"}""");
        var response = await SendAsync("PATCH", "secret/data/app", """{"data":{"a":"2"}}""", contentType: MergePatch + "; charset=utf-8");
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Patch_with_application_json_is_415_with_the_exact_message()
    {
        await WriteAsync("app", """{"a":"1"}""");
        var response = await SendAsync("PATCH", "secret/data/app", """{"data":{"a":"2"}}""");
        AssertError(response, 415, "PATCH requires Content-Type of application/merge-patch+json, provided application/json");
        Assert.Equal("application/json", response.ContentType);
    }

    [Fact]
    public async Task Patch_of_a_missing_key_is_404_with_empty_errors()
    {
        AssertEmptyNotFound(await PatchAsync("secret/data/none", """{"data":{"a":"2"}}"""));
    }

    [Fact]
    public async Task Patch_of_a_deleted_latest_version_is_404_carrying_its_metadata()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await SendAsync("DELETE", "secret/data/app");
        var response = await PatchAsync("secret/data/app", """{"data":{"a":"2"}}""");
        Assert.Equal(404, response.Status);
        Assert.Equal(1, Int(response.Data, "version"));
        Assert.NotEqual(string.Empty, Text(response.Data, "deletion_time"));
    }

    [Fact]
    public async Task Patch_of_a_destroyed_latest_version_is_404()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await PostAsync("secret/destroy/app", """{"versions":[1]}""");
        var response = await PatchAsync("secret/data/app", """{"data":{"a":"2"}}""");
        Assert.Equal(404, response.Status);
        Assert.True(response.Data.GetProperty("destroyed").GetBoolean());
    }

    [Fact]
    public async Task Patch_follows_the_cas_rules_so_cas_0_always_fails()
    {
        await WriteAsync("app", """{"a":"1"}""");
        AssertError(await PatchAsync("secret/data/app", """{"data":{"a":"2"},"options":{"cas":0}}"""),
            400, "check-and-set parameter did not match the current version");
        Assert.Equal(200, (await PatchAsync("secret/data/app", """{"data":{"a":"2"},"options":{"cas":1}}""")).Status);
    }

    [Fact]
    public async Task Patch_without_data_is_400()
    {
        await WriteAsync("app", """{"a":"1"}""");
        AssertError(await PatchAsync("secret/data/app", """{}"""), 400, "no data provided");
    }

    [Fact]
    public async Task Patch_needs_the_patch_capability()
    {
        await WriteAsync("app", """{"a":"1"}""");
        var updater = Vault.CreateToken(new VaultTokenSpec(Policies: [new VaultPolicyRule("secret/data/", "read", "update")]));
        AssertError(await PatchAsync("secret/data/app", """{"data":{"a":"2"}}""", updater), 403, "permission denied");
        var patcher = Vault.CreateToken(new VaultTokenSpec(Policies: [new VaultPolicyRule("secret/data/", "patch")]));
        Assert.Equal(200, (await PatchAsync("secret/data/app", """{"data":{"a":"2"}}""", patcher)).Status);
    }
}
