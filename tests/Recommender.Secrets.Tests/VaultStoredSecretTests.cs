using System.Text.Json.Nodes;
using Recommender.Secrets.Vault;
using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

public sealed class VaultStoredSecretTests
{
    [Fact]
    public void Data_has_pipelines_layout()
    {
        var draft = TestSecrets.Alibaba("prod", seed: "1", tags: ["z", "a", "z"]);

        var data = VaultStoredSecret.From(draft, "alice").ToData();

        var expected = JsonNode.Parse($$$"""
            {"value": {"name": "prod", "type": "alibaba",
              "values": {"ALIBABA_ACCESS_KEY_ID": "LTAI{{{TestSecrets.Canary}}}Id1", "ALIBABA_ACCESS_KEY_SECRET": "{{{TestSecrets.KeySecret("1")}}}",
                         "ALIBABA_REGION_ID": "cn-hangzhou"},
              "tags": ["a", "z"], "updatedBy": "alice"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, data), data.ToJsonString());
    }

    [Fact]
    public void Reads_back_what_it_wrote()
    {
        var secret = VaultStoredSecret.From(TestSecrets.Alibaba("x", tags: ["t"]), "bob");

        var back = VaultStoredSecret.FromData(JsonNode.Parse(secret.ToData().ToJsonString())!.AsObject());

        Assert.NotNull(back);
        Assert.True(back.SameAs(secret));
        Assert.False(back.SameAs(VaultStoredSecret.From(TestSecrets.Alibaba("x", seed: "2", tags: ["t"]), "bob")));
    }

    [Theory]
    [InlineData("""{"ALIBABA_ACCESS_KEY_ID": "x"}""")]
    [InlineData("""{"value": {"name": "n", "type": "gcp", "values": {}}}""")]
    [InlineData("""{"value": {"name": "n", "type": "0", "values": {}}}""")]
    [InlineData("""{"value": {"name": "n", "type": "alibaba", "values": {"A": 1}}}""")]
    [InlineData("""{"value": {"type": "alibaba", "values": {}}}""")]
    public void Data_in_another_layout_is_not_read(string json) =>
        Assert.Null(VaultStoredSecret.FromData(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void Pipeline_type_names_are_read_in_any_case() =>
        Assert.Equal(SecretType.Alibaba, VaultStoredSecret.ParseType("ALIBABA"));
}
