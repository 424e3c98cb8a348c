using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Errors;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>
/// ROA (CS) calls signed with V3 reach the emulator's CS paths: a correct signature gets past the gateway to the CS API
/// itself (here its own answers to an incomplete body and an unknown cluster), a wrong one does not.
/// </summary>
public sealed class RoaSigningTests
{
    private static readonly JsonTypeInfo<JsonElement> AnyJson = (JsonTypeInfo<JsonElement>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonElement));

    [Theory]
    [InlineData(null, "MissingParameter", 400, "ErrorClusterNotFound", 404)]
    [InlineData("wrong-secret", "SignatureDoesNotMatch", 400, "SignatureDoesNotMatch", 400)]
    public async Task ROA_POST_with_JSON_body_and_GET_with_query_are_verified(
        string? secret, string createCode, int createStatus, string kubeconfigCode, int kubeconfigStatus)
    {
        var overrides = secret is null ? null : new Dictionary<string, string?> { ["Alibaba:AccessKeySecret"] = secret };
        await using var host = await AlibabaTestHost.StartAsync(new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", 5, 2, DateTimeOffset.UtcNow)]), overrides);
        var client = host.Services.GetRequiredService<OpenApiClient>();
        RoaCall[] calls =
        [
            new("Cs", "2015-12-15", "CreateCluster", "cn-hangzhou", HttpMethod.Post, "/clusters", [],
                // No cluster_type: a signed, well-formed body the emulator must still refuse as MissingParameter.
                Encoding.UTF8.GetBytes("""{"name":"demo","region_id":"cn-hangzhou"}""")),
            new("Cs", "2015-12-15", "DescribeClusterUserKubeconfig", "cn-hangzhou", HttpMethod.Get, "/k8s/c1234567890abcdef/user_config",
                [new("PrivateIpAddress", "false"), new("TemporaryDurationMinutes", "60")]),
        ];

        foreach (var (call, expectedCode, expectedStatus) in calls.Zip([createCode, kubeconfigCode], [createStatus, kubeconfigStatus]))
        {
            var error = await Assert.ThrowsAsync<CloudApiException>(() => client.CallAsync(call, AnyJson, null, CancellationToken.None));

            Assert.Equal(expectedCode, error.VendorCode);
            Assert.Equal(expectedStatus, error.HttpStatus);
            Assert.NotNull(error.RequestId);
        }

        Assert.Equal(2, host.Emulator.Counters.Total);
    }
}
