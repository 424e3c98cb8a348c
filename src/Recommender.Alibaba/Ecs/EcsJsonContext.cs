using System.Text.Json.Serialization;

namespace Recommender.Alibaba.Ecs;

/// <summary>Source-generated readers for the ECS answers; numbers must be JSON numbers, as in the SDK models.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(DescribeRegionsResponse))]
[JsonSerializable(typeof(DescribeZonesResponse))]
[JsonSerializable(typeof(DescribeInstanceTypesResponse))]
[JsonSerializable(typeof(DescribeAvailableResourceResponse))]
[JsonSerializable(typeof(DescribePriceResponse))]
[JsonSerializable(typeof(DescribeSpotPriceHistoryResponse))]
internal sealed partial class EcsJsonContext : JsonSerializerContext;
