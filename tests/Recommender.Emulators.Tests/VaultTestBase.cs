using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Recommender.Emulators.Vault;

namespace Recommender.Emulators.Tests;

/// <summary>A fresh emulator per test on a fake clock, and a raw <see cref="HttpClient"/> rooted at <c>/v1/</c>.</summary>
public abstract class VaultTestBase : IAsyncLifetime
{
    /// <summary>A start time with a sub-second part, so the nanosecond formatting shows.</summary>
    protected static readonly DateTimeOffset Start = new DateTimeOffset(2025, 3, 22, 2, 24, 6, TimeSpan.Zero).AddTicks(9453192);

    protected FakeTimeProvider Time { get; } = new(Start);

    protected VaultEmulator Vault { get; private set; } = null!;

    protected HttpClient Http { get; } = new();

    protected string Root => Vault.RootToken;

    public async Task InitializeAsync()
    {
        Vault = await VaultEmulator.StartAsync(new VaultEmulatorOptions { Time = Time, MaxRequestBytes = MaxRequestBytes });
        Http.BaseAddress = new Uri(Vault.BaseAddress, "v1/");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Vault.DisposeAsync();
    }

    protected virtual long MaxRequestBytes => 33554432;

    /// <summary>Sends <paramref name="json"/> (raw text) with <paramref name="token"/> in <c>X-Vault-Token</c> (root when omitted).</summary>
    protected async Task<VaultResponse> SendAsync(
        string method, string path, string? json = null, string? token = "", string? ns = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        token = token == string.Empty ? Root : token;
        if (token is not null)
        {
            request.Headers.Add("X-Vault-Token", token);
        }

        if (ns is not null)
        {
            request.Headers.Add("X-Vault-Namespace", ns);
        }

        request.Headers.Add("X-Vault-Request", "true");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.TryGetValues("Content-Type", out var values) ? string.Join(",", values) : null;
        return new VaultResponse((int)response.StatusCode, text, type, response.Headers);
    }

    protected Task<VaultResponse> GetAsync(string path, string? token = "", string? ns = null) => SendAsync("GET", path, null, token, ns);

    protected Task<VaultResponse> PostAsync(string path, string json, string? token = "", string? ns = null) =>
        SendAsync("POST", path, json, token, ns);

    /// <summary>A PATCH with <c>application/merge-patch+json</c>.</summary>
    protected Task<VaultResponse> PatchAsync(string path, string json, string? token = "") =>
        SendAsync("PATCH", path, json, token, contentType: "application/merge-patch+json");

    /// <summary>The AppRole login body.</summary>
    protected static string LoginBody(VaultAppRoleCredentials credentials) =>
        $$"""{"role_id":"{{credentials.RoleId}}","secret_id":"{{credentials.SecretId}}"}""";

    /// <summary>Writes <c>{"data":…}</c> to <c>secret/data/{key}</c> and asserts the 200.</summary>
    protected async Task<JsonElement> WriteAsync(string key, string dataJson, string mount = "secret")
    {
        var response = await PostAsync($"{mount}/data/{key}", $$"""{"data":{{dataJson}}}""");
        Assert.Equal(200, response.Status);
        return response.Data;
    }

    protected static void AssertEmptyNotFound(VaultResponse response)
    {
        Assert.Equal(404, response.Status);
        Assert.Equal("""{"errors":[]}""", response.Text);
    }

    protected static void AssertError(VaultResponse response, int status, string message)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal([message], response.Errors);
    }

    protected static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    protected static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    protected static JsonValueKind Kind(JsonElement element, string name) => element.GetProperty(name).ValueKind;
}
