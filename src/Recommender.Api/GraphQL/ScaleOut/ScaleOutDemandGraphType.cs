using GraphQL.Types;
using Recommender.Expander.ScaleOut;

namespace Recommender.Api.GraphQL.ScaleOut;

public sealed class ScaleOutDemandGraphType : ObjectGraphType<ScaleOutDemand>
{
    public ScaleOutDemandGraphType()
    {
        Name = "ScaleOutDemand";
        Description = "The extra demand as computed: asked (at least the pods' sum), the existing spare capacity used first, and the net added.";
        Field("requestedCpu", x => x.RequestedMilliCpu / 1000.0).Description("vCPU asked for.");
        Field("requestedMemoryGiB", x => x.RequestedMemoryMiB / 1024.0).Description("Memory asked for, GiB.");
        Field("requestedGpus", x => x.RequestedGpus).Description("GPUs asked for.");
        Field("spareCpu", x => x.SpareMilliCpu / 1000.0).Description("Spare allocatable vCPU of the pools that state their usage.");
        Field("spareMemoryGiB", x => x.SpareMemoryMiB / 1024.0).Description("Spare allocatable memory, GiB.");
        Field("spareGpus", x => x.SpareGpus).Description("Spare GPUs.");
        Field("netCpu", x => x.NetMilliCpu / 1000.0).Description("vCPU the change must add: requested minus spare, at least 0.");
        Field("netMemoryGiB", x => x.NetMemoryMiB / 1024.0).Description("Memory the change must add, GiB.");
        Field("netGpus", x => x.NetGpus).Description("GPUs the change must add.");
    }
}
