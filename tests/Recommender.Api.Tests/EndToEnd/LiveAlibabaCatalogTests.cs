using System.Net.Http.Json;
using System.Text.Json;
using Recommender.Core.Catalog;
using Recommender.Emulators.Alibaba;

namespace Recommender.Api.Tests.EndToEnd;

/// <summary>refreshCatalog through the whole stack: GraphQL → scrapers → signed OpenAPI client → ECS emulator.</summary>
public sealed class LiveAlibabaCatalogTests : IAsyncLifetime
{
    public const string Region = "ap-northeast-1";
    private const string Probe = "ecs.g7.large";

    private RegionCatalog sample = null!;
    private RegionCatalog seed = null!;
    private EcsEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        sample = EmulatorCatalog.TryLoadSample()!.Regions[Region];
        seed = LiveAlibabaFactory.Seed(sample);
        emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([seed]));
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task A_refresh_through_the_emulator_makes_the_region_live_with_the_emulators_prices()
    {
        await using var app = new LiveAlibabaFactory(emulator, EcsEmulatorOptions.DefaultAccessKeyId);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator);

        var status = await PostAsync(client, $$"""
            mutation { refreshCatalog(provider: "alibaba", region: "{{Region}}") {
              kinds { kind lastSuccessAt lastApiCalls lastError { code message } } } }
            """);

        var full = Kind(status.GetProperty("refreshCatalog"), "FULL");
        Assert.Equal(JsonValueKind.Null, full.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.String, full.GetProperty("lastSuccessAt").ValueKind);
        Assert.True(full.GetProperty("lastApiCalls").GetInt32() > seed.InstanceTypes.Count, "one spot-history call per type at least");
        Assert.True(emulator.Counters.Total > 0);

        var data = await PostAsync(client, $$"""
            { catalogStatus { regions { region source instanceTypeCount } }
              instanceType(provider: "alibaba", region: "{{Region}}", name: "{{Probe}}") { onDemandPrice } }
            """);
        var region = data.GetProperty("catalogStatus").GetProperty("regions").EnumerateArray()
            .Single(r => r.GetProperty("region").GetString() == Region);
        Assert.Equal("LIVE", region.GetProperty("source").GetString());
        Assert.Equal(seed.InstanceTypes.Count, region.GetProperty("instanceTypeCount").GetInt32());
        Assert.Equal(seed.Find(Probe)!.OnDemandPrice, data.GetProperty("instanceType").GetProperty("onDemandPrice").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_key_is_reported_with_the_vendor_code_and_the_snapshot_stays()
    {
        await using var app = new LiveAlibabaFactory(emulator, "not-a-registered-key");
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = Identity.TestTokens.Bearer(Identity.TestTokens.Operator);

        var status = await PostAsync(client, $$"""
            mutation { refreshCatalog(provider: "alibaba", region: "{{Region}}") { kinds { kind lastError { code vendorCode } } } }
            """);

        var error = Kind(status.GetProperty("refreshCatalog"), "FULL").GetProperty("lastError");
        Assert.Equal("CLOUD_API_ERROR", error.GetProperty("code").GetString());
        Assert.Equal("InvalidAccessKeyId.NotFound", error.GetProperty("vendorCode").GetString());
        var data = await PostAsync(client, $$"""
            { instanceType(provider: "alibaba", region: "{{Region}}", name: "{{Probe}}") { onDemandPrice } }
            """);
        Assert.Equal(sample.Find(Probe)!.OnDemandPrice, data.GetProperty("instanceType").GetProperty("onDemandPrice").GetDecimal());
    }

    private static JsonElement Kind(JsonElement status, string kind) =>
        status.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind);

    private static async Task<JsonElement> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.TryGetProperty("errors", out var errors), errors.ToString());
        return body.GetProperty("data");
    }
}
