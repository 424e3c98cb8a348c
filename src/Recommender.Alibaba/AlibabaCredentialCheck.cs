using Microsoft.Extensions.Options;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba;

/// <summary>
/// Checks an AccessKey pair with one signed <c>DescribeRegions</c>: read-only, free, and allowed by every policy that
/// can do anything with ECS, so a refusal means the key is wrong, disabled or has no ECS rights at all.
/// </summary>
public sealed class AlibabaCredentialCheck(OpenApiClient client, IOptions<AlibabaOptions> options) : ICredentialCheck
{
    public async Task CheckAsync(CloudCredentials credentials, string? region, CancellationToken ct)
    {
        var endpointRegion = string.IsNullOrWhiteSpace(region) ? options.Value.DefaultRegion : region;
        var call = new RpcCall(EcsClient.Product, EcsClient.Version, "DescribeRegions", endpointRegion, [new("AcceptLanguage", "en-US")]);
        await client.CallWithAsync(call, credentials, EcsJsonContext.Default.DescribeRegionsResponse, ct).ConfigureAwait(false);
    }
}
