using System.Text.Json;
using Recommender.Secrets;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// The examples in schema/operations/secrets run in order (create, list, rotate, delete) as an admin on the embedded
/// default, with their shipped variables except verify (there is no real Alibaba to try the example key against).
/// </summary>
public sealed class SecretOperationFileTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Operations, "secrets");

    [Fact]
    public async Task The_secret_examples_run_in_order_as_shipped()
    {
        using var api = new ApiFactory();
        var admin = TestTokens.Admin("acme");

        var viewer = await Run(api, "viewer.graphql", admin, null);
        var created = await Run(api, "create-secret.graphql", admin, new { verify = false });
        var listed = await Run(api, "secrets.graphql", admin, null);
        var rotated = await Run(api, "rotate-secret.graphql", admin, new { verify = false });
        var deleted = await Run(api, "delete-secret.graphql", admin, null);

        Assert.Equal("ADMIN", viewer.GetProperty("viewer").GetProperty("organizations")[0].GetProperty("role").GetString());
        Assert.Equal(SecretIds.FromName("production"), created.GetProperty("createSecret").GetProperty("id").GetString());
        Assert.Equal(1, listed.GetProperty("secrets").GetArrayLength());
        Assert.Equal(2, rotated.GetProperty("updateSecret").GetProperty("version").GetInt64());
        Assert.Equal(SecretIds.FromName("production"), deleted.GetProperty("deleteSecret").GetString());
    }

    [Fact]
    public void Every_secret_example_is_run_here() =>
        Assert.Equal(
            ["create-secret.graphql", "delete-secret.graphql", "rotate-secret.graphql", "secrets.graphql", "viewer.graphql"],
            Directory.GetFiles(Folder, "*.graphql").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    private static async Task<JsonElement> Run(ApiFactory api, string file, string token, object? variables)
    {
        var r = await api.PostAsync(await File.ReadAllTextAsync(Path.Combine(Folder, file)), variables, token: token);
        Assert.True(r.Status == 200 && !r.Json.TryGetProperty("errors", out _), $"{file}: {r}");
        return r.Data;
    }
}
