using GraphQL.Types;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class NodeLabelInputType : InputObjectGraphType<KeyValuePair<string, string>>
{
    public NodeLabelInputType()
    {
        Name = "NodeLabelInput";
        Description = "One node selector entry: the pod needs a node whose label key has this value.";
        Field<NonNullGraphType<StringGraphType>>("key").Description(
            "kubernetes.io/arch (amd64, arm64), topology.kubernetes.io/zone, karpenter.sh/capacity-type (spot, on-demand), "
            + "alibabacloud.com/spot-instance, node.alibabacloud.com/spot-strategy or node.kubernetes.io/instance-type; any other key is BAD_USER_INPUT.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("The label's required value.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new KeyValuePair<string, string>(value.Get("key", ""), value.Get("value", ""));
    }
}
