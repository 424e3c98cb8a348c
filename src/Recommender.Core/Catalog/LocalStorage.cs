using System.Text.Json.Serialization;

namespace Recommender.Core.Catalog;

/// <summary>Instance-attached disks (big-data and local-SSD families).</summary>
/// <param name="Disks">Number of local disks.</param>
/// <param name="DiskSizeGiB">Capacity of each disk.</param>
/// <param name="Kind">Provider's storage category, e.g. <c>local_ssd_pro</c> or <c>local_hdd_pro</c>.</param>
public sealed record LocalStorage(int Disks, long DiskSizeGiB, string Kind)
{
    [JsonIgnore]
    public long TotalGiB => Disks * DiskSizeGiB;
}
