using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Recommender.Emulators.Alibaba;

namespace Recommender.Api.Tests.EndToEnd;

/// <summary>
/// An upstream that echoes every request header and query parameter into its error answers, behind the real stack:
/// GraphQL, scrapers, signed client. Our credentials must reach neither callers nor logs.
/// </summary>
public sealed partial class UpstreamEchoTests : IAsyncLifetime
{
    private const string KeyId = "LTAI5tApiEchoKeyId000001";
    private const string Secret = "ApiEchoSecret0123456789abcdefXYZ";
    private const string Token = "CAISapiEchoSecurityToken+Part1/Part2+Part3/Part4==";
    private const string Region = LiveAlibabaCatalogTests.Region;

    private EcsEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new EcsEmulatorOptions();
        options.AccessKeys[KeyId] = Secret;
        var seed = LiveAlibabaFactory.Seed(EmulatorCatalog.TryLoadSample()!.Regions[Region]);
        emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([seed]), options);
        emulator.Faults.ForAll(f => f.EchoRequestRate = 1);
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task Credentials_echoed_upstream_reach_neither_the_answers_nor_the_status_nor_the_logs()
    {
        await using var app = new LiveAlibabaFactory(emulator, KeyId);
        app.Settings["Alibaba:AccessKeySecret"] = Secret;
        app.Settings["Alibaba:SecurityToken"] = Token;
        // Every log line of every category, HttpClient's request traces included.
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator);

        var refresh = await PostAsync(client, $$"""
            mutation { refreshCatalog(provider: "alibaba", region: "{{Region}}") { kinds { kind lastError { code vendorCode message } } } }
            """);
        var status = await PostAsync(client, """
            { catalogStatus {
                regions { region refresh { kind lastError { code vendorCode message } } }
                scrapers { providers { lastError { code vendorCode message } } regions { region kinds { kind lastError { code vendorCode message } } } } } }
            """);

        var secrets = EchoedSecrets();
        var error = refresh.GetProperty("data").GetProperty("refreshCatalog").GetProperty("kinds").EnumerateArray()
            .Single(k => k.GetProperty("kind").GetString() == "FULL").GetProperty("lastError");
        Assert.Equal("CLOUD_API_ERROR", error.GetProperty("code").GetString());
        Assert.Equal("InvalidParameter", error.GetProperty("vendorCode").GetString());
        Assert.Contains("[redacted]", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertClean(refresh.GetRawText(), secrets, "the refreshCatalog answer");
        Assert.Contains(Region, status.GetRawText(), StringComparison.Ordinal);
        AssertClean(status.GetRawText(), secrets, "catalogStatus");

        var entries = app.Logs.Entries.ToList();
        Assert.Contains(entries, e => e.Level == LogLevel.Warning && e.Message.Contains("InvalidParameter", StringComparison.Ordinal));
        Assert.All(entries, e => AssertClean($"{e.Message} {e.Exception}", secrets, $"log line of {e.Category}"));
    }

    /// <summary>What the upstream echoed: key id and token as sent, and every signature; checked so the test cannot pass vacuously.</summary>
    private List<string> EchoedSecrets()
    {
        Assert.NotEmpty(emulator.Echoes);
        Assert.All(emulator.Echoes, echo =>
        {
            Assert.Contains(KeyId, echo, StringComparison.Ordinal);
            Assert.Contains(Token, echo, StringComparison.Ordinal);
        });
        var signatures = emulator.Echoes.SelectMany(e => SignatureValue().Matches(e)).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(signatures);
        return [KeyId, Secret, Token, Uri.EscapeDataString(Token), .. signatures];
    }

    private static void AssertClean(string text, IReadOnlyList<string> secrets, string where)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{where} leaks '{secret}': {text}");
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body;
    }

    [GeneratedRegex("Signature=([0-9a-fA-F]{16,})")]
    private static partial Regex SignatureValue();
}
