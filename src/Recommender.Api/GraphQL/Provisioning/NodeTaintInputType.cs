using GraphQL.Types;

namespace Recommender.Api.GraphQL.Provisioning;

public sealed class NodeTaintInputType : InputObjectGraphType
{
    public NodeTaintInputType()
    {
        Name = "NodeTaintInput";
        Description = "A Kubernetes taint put on every node of a pool.";
        Field<NonNullGraphType<StringGraphType>>("key").Description("Taint key.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("Taint value.").DefaultValue(string.Empty);
        Field<NonNullGraphType<StringGraphType>>("effect").Description("NoSchedule, PreferNoSchedule or NoExecute.");
    }
}
