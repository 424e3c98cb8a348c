using System.Text.Json.Serialization;

namespace Recommender.Alibaba.Cs;

/// <summary>
/// Source-generated CS bodies: snake_case names (contract §4), null fields never sent, numbers must be JSON numbers
/// (the SDK models are as strict).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CreateClusterRequest))]
[JsonSerializable(typeof(NodePool))]
[JsonSerializable(typeof(CsOperationResponse))]
[JsonSerializable(typeof(CsCluster))]
[JsonSerializable(typeof(DescribeClustersResponse))]
[JsonSerializable(typeof(DescribeNodePoolsResponse))]
[JsonSerializable(typeof(DescribeClusterNodesResponse))]
[JsonSerializable(typeof(CsTask))]
[JsonSerializable(typeof(CsKubeconfig))]
[JsonSerializable(typeof(ScaleNodePoolRequest))]
internal sealed partial class CsJsonContext : JsonSerializerContext;
