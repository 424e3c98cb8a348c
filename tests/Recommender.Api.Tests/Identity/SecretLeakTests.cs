using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.Tests.EndToEnd;
using Recommender.Core.Recommendations;
using Recommender.Emulators.Alibaba;
using Recommender.Secrets;
using Xunit.Abstractions;

namespace Recommender.Api.Tests.Identity;

/// <summary>
/// Every secret path, run with a recognisable key pair against the real stack (GraphQL, secret service, credential
/// source, signed Alibaba client, ECS emulator): the values must appear in no answer, log line, metric, trace or
/// recommendation store entry. The only place they may go is the signer (checked: the emulator verified signatures).
/// </summary>
public sealed class SecretLeakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string KeyId = "LTAIleakMarkerKeyId7Q2";
    private const string KeySecret = "LeakMarkerSecret7f3a9c2e4b1dZZ";
    private const string Org = "acme";
    private const string Region = LiveAlibabaCatalogTests.Region;

    private readonly ConcurrentQueue<string> telemetry = new();
    private EcsEmulator emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new EcsEmulatorOptions();
        options.AccessKeys[KeyId] = KeySecret;
        var seed = LiveAlibabaFactory.Seed(EmulatorCatalog.TryLoadSample()!.Regions[Region]);
        emulator = await EcsEmulator.StartAsync(new EmulatorCatalog([seed]), options);
    }

    public async Task DisposeAsync() => await emulator.DisposeAsync();

    [Fact]
    public async Task Secret_values_reach_only_the_signer()
    {
        using var meters = ListenToMeters();
        using var traces = ListenToActivities();
        var secrets = new InMemorySecretStore(TimeProvider.System);
        // The scrapers' own account is a stored secret of the operator organisation, present before start.
        await secrets.CreateAsync(TestTokens.OperatorOrganization, Draft("scraper", KeySecret), "setup", CancellationToken.None);
        await using var app = new LiveAlibabaFactory(emulator, "config-key-not-used")
        {
            TestServices = s => s.AddSingleton<ISecretStore>(secrets),
        };
        app.Settings["Secrets:ServiceAccountOrganization"] = TestTokens.OperatorOrganization;
        app.Settings["Secrets:ServiceAccountSecretName"] = "scraper";
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        using var client = app.CreateClient();
        var admin = TestTokens.Admin(Org);
        var answers = new StringBuilder();

        async Task<JsonElement> Post(string query, object? variables = null, string? token = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
            request.Headers.Authorization = TestTokens.Bearer(token ?? admin);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            answers.AppendLine(text);
            return JsonDocument.Parse(text).RootElement;
        }

        // Refused by the cloud (right id, wrong secret), then accepted: both signed with the values.
        var rejected = await Post(SecretsApi.Create, new { org = Org, input = SecretsApi.Alibaba("prod", KeyId, KeySecret + "x"), verify = true });
        Assert.Equal("SignatureDoesNotMatch", rejected.GetProperty("errors")[0].GetProperty("extensions").GetProperty("vendorCode").GetString());
        var created = await Post(SecretsApi.Create, new { org = Org, input = SecretsApi.Alibaba("prod", KeyId, KeySecret, region: Region), verify = true });
        var id = created.GetProperty("data").GetProperty("createSecret").GetProperty("id").GetString()!;
        // Conflicts, bad input carrying the values, reads, a stale update, an update, the cloud refusing an unknown key.
        await Post(SecretsApi.Create, new { org = Org, input = SecretsApi.Alibaba("prod", KeyId, KeySecret), verify = false });
        await Post(SecretsApi.Create, new { org = Org, input = SecretsApi.Alibaba("bad", KeyId, KeySecret, region: KeySecret), verify = false });
        await Post(SecretsApi.Create, new { org = Org, input = SecretsApi.Alibaba(KeySecret + "\u0001", KeyId, KeySecret), verify = false });
        await Post(SecretsApi.Create, new { org = Org, input = SecretsApi.Alibaba("unknown key", KeyId + "X", KeySecret), verify = true });
        await Post(SecretsApi.List, new { org = Org });
        await Post(SecretsApi.Get, new { org = Org, id });
        await Post(SecretsApi.Update, new { org = Org, id, version = 7, input = SecretsApi.Alibaba("prod", KeyId, KeySecret) });
        await Post(SecretsApi.Update, new { org = Org, id, version = 1, input = SecretsApi.Alibaba("prod", KeyId, KeySecret, tags: ["rotated"]) });
        await Post(SecretsApi.Update, new { org = "other", id, version = 2, input = SecretsApi.Alibaba("prod", KeyId, KeySecret) });
        // The scrapers sign a whole region refresh with the stored service account.
        var refresh = await Post($$"""mutation { refreshCatalog(provider: "alibaba", region: "{{Region}}") { kinds { kind lastError { code } } } }""",
            token: TestTokens.Operator);
        Assert.All(refresh.GetProperty("data").GetProperty("refreshCatalog").GetProperty("kinds").EnumerateArray(),
            k => Assert.Equal(JsonValueKind.Null, k.GetProperty("lastError").ValueKind));
        var recommended = await Post($$"""{ recommendLayout(input: { region: "{{Region}}", cpu: 8, memoryGiB: 16 }) { id } }""");
        await Post(SecretsApi.Delete, new { org = Org, id });
        using (var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative)))
        {
            telemetry.Enqueue(await metrics.Content.ReadAsStringAsync());
        }

        Assert.True(emulator.Counters.Total > 10, "the signer was used");
        var stored = await app.Services.GetRequiredService<IRecommendationStore>().GetAsync(
            recommended.GetProperty("data").GetProperty("recommendLayout").GetProperty("id").GetString()!, CancellationToken.None);
        var places = new Dictionary<string, string>
        {
            ["GraphQL answers"] = answers.ToString(),
            ["log lines"] = string.Join('\n', app.Logs.Entries.Select(e => $"{e.Category} {e.Message} {e.Exception}")),
            ["metrics and traces"] = string.Join('\n', telemetry),
            ["recommendation store"] = JsonSerializer.Serialize(stored),
        };
        foreach (var (where, text) in places)
        {
            Assert.True(text.Length > 0, $"nothing captured from {where}");
            Assert.DoesNotContain(KeySecret, text, StringComparison.OrdinalIgnoreCase);
            output.WriteLine($"{where}: {text.Length} characters scanned, secret found 0 times");
        }
    }

    private static SecretDraft Draft(string name, string secret) => new(name, SecretType.Alibaba,
        new SecretValues(new Dictionary<string, string> { [SecretSchema.AlibabaAccessKeyId] = KeyId, [SecretSchema.AlibabaAccessKeySecret] = secret }), []);

    private MeterListener ListenToMeters()
    {
        var listener = new MeterListener { InstrumentPublished = (instrument, l) => l.EnableMeasurementEvents(instrument) };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            var text = new StringBuilder($"{instrument.Meter.Name} {instrument.Name} {value}");
            foreach (var tag in tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }

            telemetry.Enqueue(text.ToString());
        }

        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<int>(Record);
        listener.SetMeasurementEventCallback<double>(Record);
        listener.Start();
        return listener;
    }

    private ActivityListener ListenToActivities()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => telemetry.Enqueue(
                $"{a.Source.Name} {a.DisplayName} {string.Join(' ', a.TagObjects.Select(t => $"{t.Key}={t.Value}"))} "
                + $"{string.Join(' ', a.Events.Select(e => e.Name))} {string.Join(' ', a.Baggage.Select(b => $"{b.Key}={b.Value}"))}"),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
