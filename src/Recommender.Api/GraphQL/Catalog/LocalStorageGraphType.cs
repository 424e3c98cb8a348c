using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class LocalStorageGraphType : ObjectGraphType<LocalStorage>
{
    public LocalStorageGraphType()
    {
        Name = "LocalStorage";
        Description = "Disks attached to the instance itself (big-data and local-SSD families).";
        Field(x => x.Disks).Description("Number of local disks.");
        Field(x => x.DiskSizeGiB).Description("Capacity of each disk in GiB.");
        Field(x => x.Kind).Description("Provider storage category, e.g. local_ssd_pro.");
        Field(x => x.TotalGiB).Description("Total local capacity in GiB (disks × size).");
    }
}
