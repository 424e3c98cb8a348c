using System.Text.Json;
using Recommender.Secrets;

namespace Recommender.Api.Tests.Identity;

/// <summary>createSecret, secrets, secret, updateSecret, deleteSecret over the embedded (in-memory) store.</summary>
public sealed class SecretApiTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory api;

    public SecretApiTests(ApiFactory api) => this.api = api;

    [Fact]
    public async Task Created_secret_lists_and_reads_back_as_metadata_only()
    {
        var org = Org();
        var admin = TestTokens.Admin(org);

        var created = await SecretsApi.CreateAsync(api, admin, org, SecretsApi.Alibaba("prod key", tags: ["team:b", "env:prod", "team:b"]));
        var secret = created.Data.GetProperty("createSecret");
        Assert.Equal(SecretIds.FromName("prod key"), secret.GetProperty("id").GetString());
        Assert.Equal(1, secret.GetProperty("version").GetInt64());
        Assert.Equal("alice", secret.GetProperty("updatedBy").GetString());
        Assert.Equal("""["env:prod","team:b"]""", secret.GetProperty("tags").GetRawText());
        Assert.Equal("""["ALIBABA_ACCESS_KEY_ID","ALIBABA_ACCESS_KEY_SECRET","ALIBABA_REGION_ID"]""", secret.GetProperty("fields").GetRawText());

        var list = await api.PostAsync(SecretsApi.List, new { org }, token: TestTokens.Member(org));
        var one = await api.PostAsync(SecretsApi.Get, new { org, id = SecretIds.FromName("prod key") }, token: TestTokens.Member(org));
        Assert.Equal(secret.GetRawText(), list.Data.GetProperty("secrets")[0].GetRawText());
        Assert.Equal(secret.GetRawText(), one.Data.GetProperty("secret").GetRawText());
        Assert.DoesNotContain("TestSecret0123456789", created.Body + list.Body + one.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_with_the_current_version_makes_the_next_one()
    {
        var org = Org();
        var admin = TestTokens.Admin(org, "dave");
        var id = await CreateAsync(org, "rotating");

        var r = await api.PostAsync(SecretsApi.Update, new { org, id, version = 1, input = SecretsApi.Alibaba("rotating", keyId: "LTAI5tRotated000000002") }, token: admin);

        var secret = r.Data.GetProperty("updateSecret");
        Assert.Equal(2, secret.GetProperty("version").GetInt64());
        Assert.Equal("dave", secret.GetProperty("updatedBy").GetString());
        Assert.True(secret.GetProperty("updatedAt").GetDateTimeOffset() >= secret.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Update_with_a_stale_version_is_CONFLICT_and_changes_nothing()
    {
        var org = Org();
        var admin = TestTokens.Admin(org);
        var id = await CreateAsync(org, "shared");
        await api.PostAsync(SecretsApi.Update, new { org, id, version = 1, input = SecretsApi.Alibaba("shared") }, token: admin);

        var stale = await api.PostAsync(SecretsApi.Update, new { org, id, version = 1, input = SecretsApi.Alibaba("shared", tags: ["lost"]) }, token: admin);

        Assert.Equal("CONFLICT", stale.ErrorCode);
        Assert.Equal(2, stale.FirstError.GetProperty("extensions").GetProperty("currentVersion").GetInt64());
        var now = await api.PostAsync(SecretsApi.Get, new { org, id }, token: admin);
        Assert.Equal(2, now.Data.GetProperty("secret").GetProperty("version").GetInt64());
        Assert.Equal("[]", now.Data.GetProperty("secret").GetProperty("tags").GetRawText());
    }

    [Fact]
    public async Task A_taken_name_is_CONFLICT()
    {
        var org = Org();
        await CreateAsync(org, "twice");

        var r = await SecretsApi.CreateAsync(api, TestTokens.Admin(org), org, SecretsApi.Alibaba("twice"));

        Assert.Equal("CONFLICT", r.ErrorCode);
    }

    [Fact]
    public async Task Deleted_secret_is_gone_and_a_second_delete_is_NOT_FOUND()
    {
        var org = Org();
        var admin = TestTokens.Admin(org);
        var id = await CreateAsync(org, "short-lived");

        var deleted = await api.PostAsync(SecretsApi.Delete, new { org, id }, token: admin);
        var again = await api.PostAsync(SecretsApi.Delete, new { org, id }, token: admin);
        var read = await api.PostAsync(SecretsApi.Get, new { org, id }, token: admin);

        Assert.Equal(id, deleted.Data.GetProperty("deleteSecret").GetString());
        Assert.Equal("NOT_FOUND", again.ErrorCode);
        Assert.Equal("NOT_FOUND", read.ErrorCode);
    }

    [Fact]
    public async Task A_member_reads_but_may_not_write()
    {
        var org = Org();
        var id = await CreateAsync(org, "admins-only");
        var member = TestTokens.Member(org);

        Assert.Equal("FORBIDDEN", (await SecretsApi.CreateAsync(api, member, org, SecretsApi.Alibaba("mine"))).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(SecretsApi.Update, new { org, id, version = 1, input = SecretsApi.Alibaba("admins-only") }, token: member)).ErrorCode);
        Assert.Equal("FORBIDDEN", (await api.PostAsync(SecretsApi.Delete, new { org, id }, token: member)).ErrorCode);
        Assert.Equal(1, (await api.PostAsync(SecretsApi.List, new { org }, token: member)).Data.GetProperty("secrets").GetArrayLength());
    }

    [Fact]
    public async Task Unicode_names_work_and_get_a_hex_id()
    {
        var org = Org();
        var name = "生产 🔑 clé";

        var r = await SecretsApi.CreateAsync(api, TestTokens.Admin(org), org, SecretsApi.Alibaba(name));

        Assert.Equal(name, r.Data.GetProperty("createSecret").GetProperty("name").GetString());
        Assert.Equal(SecretIds.FromName(name), r.Data.GetProperty("createSecret").GetProperty("id").GetString());
    }

    public static TheoryData<string, object, string> BadInputs() => new()
    {
        { "empty name", SecretsApi.Alibaba(""), "input.name" },
        { "blank name", SecretsApi.Alibaba("   "), "input.name" },
        { "control characters", SecretsApi.Alibaba("a\u0001b"), "input.name" },
        { "name too long", SecretsApi.Alibaba(new string('n', 201)), "input.name" },
        { "empty key id", SecretsApi.Alibaba("k", keyId: ""), "input.values.ALIBABA_ACCESS_KEY_ID" },
        { "key id with spaces", SecretsApi.Alibaba("k", keyId: "LTAI with spaces"), "input.values.ALIBABA_ACCESS_KEY_ID" },
        { "short secret", SecretsApi.Alibaba("k", secret: "short"), "input.values.ALIBABA_ACCESS_KEY_SECRET" },
        { "bad region", SecretsApi.Alibaba("k", region: "Hangzhou!"), "input.values.ALIBABA_REGION_ID" },
        { "reserved tag", SecretsApi.Alibaba("k", tags: ["recommender:cluster"]), "input.tags[0]" },
        {
            "missing secret field",
            new { name = "k", type = "ALIBABA", values = new[] { new { field = "ALIBABA_ACCESS_KEY_ID", value = "LTAI5tTestKeyId00000001" } } },
            "input.values.ALIBABA_ACCESS_KEY_SECRET"
        },
        {
            "unknown field",
            new { name = "k", type = "ALIBABA", values = new[] { new { field = "AWS_SECRET_ACCESS_KEY", value = "x" } } },
            "input.values.AWS_SECRET_ACCESS_KEY"
        },
        {
            "field twice",
            new { name = "k", type = "ALIBABA", values = new[] { new { field = "ALIBABA_ACCESS_KEY_ID", value = "LTAI5tTestKeyId00000001" }, new { field = "ALIBABA_ACCESS_KEY_ID", value = "LTAI5tTestKeyId00000002" } } },
            "input.values[1].field"
        },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_BAD_USER_INPUT_at_its_field_and_stores_nothing(string why, object input, string argument)
    {
        var org = Org();

        var r = await SecretsApi.CreateAsync(api, TestTokens.Admin(org), org, input);

        Assert.True(r.ErrorCode == "BAD_USER_INPUT", $"{why}: {r}");
        Assert.Equal(argument, r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.Equal(0, (await api.PostAsync(SecretsApi.List, new { org }, token: TestTokens.Admin(org))).Data.GetProperty("secrets").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_type_is_refused_by_the_schema()
    {
        var org = Org();

        var r = await SecretsApi.CreateAsync(api, TestTokens.Admin(org), org, new { name = "k", type = "AMAZON", values = Array.Empty<object>() });

        Assert.False(r.HasData && r.Data.ValueKind == JsonValueKind.Object, r.Body);
        Assert.Contains("AMAZON", r.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("INVALID_VALUE", r.ErrorCode); // GraphQL's own code for a variable outside its enum
    }

    [Fact]
    public async Task A_100_KB_value_gets_a_typed_error_not_a_crash()
    {
        var org = Org();
        using var big = new ApiFactory();
        big.Settings["GraphQL:MaxRequestBytes"] = "1000000";

        var r = await SecretsApi.CreateAsync(big, TestTokens.Admin(org), org, SecretsApi.Alibaba("big", secret: new string('s', 100 * 1024)));
        var small = await SecretsApi.CreateAsync(api, TestTokens.Admin(org), org, SecretsApi.Alibaba("big", secret: new string('s', 100 * 1024)));

        Assert.Equal("BAD_USER_INPUT", r.ErrorCode);
        Assert.Equal("input.values.ALIBABA_ACCESS_KEY_SECRET", r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
        Assert.Equal(413, small.Status);
        Assert.Equal("PAYLOAD_TOO_LARGE", small.ErrorCode);
    }

    private async Task<string> CreateAsync(string org, string name)
    {
        var r = await SecretsApi.CreateAsync(api, TestTokens.Admin(org), org, SecretsApi.Alibaba(name));
        return r.Data.GetProperty("createSecret").GetProperty("id").GetString() ?? throw new InvalidOperationException(r.Body);
    }

    private static string Org() => $"org-{Guid.NewGuid():N}"[..20];
}
