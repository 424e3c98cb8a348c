using Recommender.Secrets;

namespace Recommender.Api.Tests.Identity;

/// <summary>The secret operations as a client writes them.</summary>
public static class SecretsApi
{
    public const string Fields = "id organization name type tags fields createdAt updatedAt version updatedBy";

    public const string Create = $$"""
        mutation($org: ID!, $input: SecretInput!, $verify: Boolean!) { createSecret(org: $org, input: $input, verify: $verify) { {{Fields}} } }
        """;

    public const string Update = $$"""
        mutation($org: ID!, $id: ID!, $version: Long!, $input: SecretInput!) { updateSecret(org: $org, id: $id, version: $version, input: $input, verify: false) { {{Fields}} } }
        """;

    public const string Delete = """mutation($org: ID!, $id: ID!) { deleteSecret(org: $org, id: $id) }""";

    public const string Get = $$"""query($org: ID!, $id: ID!) { secret(org: $org, id: $id) { {{Fields}} } }""";

    public const string List = $$"""query($org: ID!) { secrets(org: $org) { {{Fields}} } }""";

    public static object Alibaba(string name, string keyId = "LTAI5tTestKeyId00000001", string secret = "TestSecret0123456789abcdefABCDEF", string[]? tags = null, string? region = null)
    {
        var values = new List<object>
        {
            new { field = SecretSchema.AlibabaAccessKeyId, value = keyId },
            new { field = SecretSchema.AlibabaAccessKeySecret, value = secret },
        };
        if (region is not null)
        {
            values.Add(new { field = SecretSchema.AlibabaRegionId, value = region });
        }

        return new { name, type = "ALIBABA", values, tags = tags ?? [] };
    }

    public static Task<GraphQLResponse> CreateAsync(ApiFactory api, string token, string org, object input, bool verify = false) =>
        api.PostAsync(Create, new { org, input, verify }, token: token);
}
