using System.Text.Json.Nodes;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

public sealed class VaultErrorTextTests
{
    private const string Token = "hvs.CAESIJtokenTOKENtoken";

    [Fact]
    public void Strings_of_the_request_and_the_token_are_cut_out()
    {
        var body = Errors($"permission denied for {Token}", "value s3cr3t-VALUE rejected");
        var request = new JsonObject { ["data"] = new JsonObject { ["k"] = "s3cr3t-VALUE" } };

        var errors = VaultErrorText.Describe(500, body, request, Token);

        Assert.Equal(["permission denied for [redacted]", "value [redacted] rejected"], errors);
    }

    [Fact]
    public void Undocumented_messages_of_a_400_to_a_request_with_a_body_are_withheld()
    {
        var body = Errors("check-and-set parameter did not match the current version", "failed to parse JSON input: invalid character 'q' near \"ab",
            "no data provided");

        var errors = VaultErrorText.Describe(400, body, new JsonObject { ["x"] = "y" }, Token);

        Assert.Equal("check-and-set parameter did not match the current version", errors[0]);
        Assert.StartsWith("(message withheld", errors[1], StringComparison.Ordinal);
        Assert.Equal("no data provided", errors[2]);
    }

    [Fact]
    public void A_400_to_a_bodiless_request_keeps_its_text() =>
        Assert.Equal(["unsupported path"], VaultErrorText.Describe(400, Errors("unsupported path"), null, Token));

    [Fact]
    public void Messages_are_capped_and_lose_control_characters()
    {
        var errors = VaultErrorText.Describe(503, Errors("line1\r\nline2" + new string('x', 1000)), null, null);

        var only = Assert.Single(errors);
        Assert.StartsWith("line1line2", only, StringComparison.Ordinal);
        Assert.True(only.Length <= VaultErrorText.MaxMessageLength + 1);
    }

    [Fact]
    public void Empty_or_missing_errors_give_nothing()
    {
        Assert.Empty(VaultErrorText.Describe(404, Errors(), null, null));
        Assert.Empty(VaultErrorText.Describe(502, null, null, null));
    }

    private static JsonObject Errors(params string[] errors) =>
        new() { ["errors"] = new JsonArray([.. errors.Select(e => (JsonNode?)JsonValue.Create(e))]) };
}
