namespace Recommender.Alibaba.Ecs;

/// <summary>ECS DescribeInstanceTypes (contract §3.3); one page, <see cref="NextToken"/> empty on the last.</summary>
internal sealed record DescribeInstanceTypesResponse(
    string? RequestId,
    string? NextToken,
    DescribeInstanceTypesResponse.InstanceTypeList? InstanceTypes)
{
    internal sealed record InstanceTypeList(IReadOnlyList<EcsInstanceType>? InstanceType);
}
