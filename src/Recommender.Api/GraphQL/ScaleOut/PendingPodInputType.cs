using GraphQL.Types;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class PendingPodInputType : InputObjectGraphType<ScaleOutPod>
{
    public PendingPodInputType()
    {
        Name = "PendingPodInput";
        Description =
            "A pending pod (or count identical ones). Every one must fit on a node the change adds, where its node selector and "
            + "tolerations allow.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("For messages and the decision log.").DefaultValue("");
        Field<NonNullGraphType<IntGraphType>>("count").Description("Identical pods this entry stands for (1-10000).").DefaultValue(1);
        Field<NonNullGraphType<FloatGraphType>>("cpu").Description("Requested vCPU of one pod.").DefaultValue(0d);
        Field<NonNullGraphType<FloatGraphType>>("memoryGiB").Description("Requested memory of one pod, GiB.").DefaultValue(0d);
        Field<NonNullGraphType<IntGraphType>>("gpus").Description("Requested GPUs of one pod.").DefaultValue(0);
        Field<ListGraphType<NonNullGraphType<NodeLabelInputType>>>("nodeSelector")
            .Description("Required node labels; only those bearing on architecture, zone, capacity type and instance type.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tolerations")
            .Description("Taint keys tolerated (\"*\" = all). Only spotTaintKey matters: without it spot nodes are not tainted.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var selector = value.List<KeyValuePair<string, string>>("nodeSelector");
        Dictionary<string, string>? labels = null;
        if (selector is not null)
        {
            labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in selector)
            {
                labels[k] = v;
            }
        }

        return new ScaleOutPod(value.Get("name", ""), value.Get("count", 1), value.Get("cpu", 0d), value.Get("memoryGiB", 0d), value.Get("gpus", 0),
            labels, value.List<string>("tolerations"));
    }
}
