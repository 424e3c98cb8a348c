using GraphQL.Types;
using Recommender.Provisioning.Plans;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class NodePoolChangeKindGraphType : EnumerationGraphType<NodePoolChangeKind>
{
    public NodePoolChangeKindGraphType()
    {
        Name = "NodePoolChangeKind";
        Description = "What applying a layout does to one node pool.";
    }
}
