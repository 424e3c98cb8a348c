using Recommender.Core.Catalog;

namespace Recommender.SampleCatalogGen;

/// <summary>
/// Families with instance-attached disks: big data (local HDD, d1ne 5,500 GiB and d2s 7,300 GiB disks) and local
/// NVMe SSD (i3, i2). The local storage price component is per TiB of attached disk.
/// </summary>
public static class StorageFamilies
{
    private const string LocalHdd = "local_hdd_pro";
    private const string LocalSsd = "local_ssd_pro";

    public static IEnumerable<FamilySpec> All()
    {
        yield return new FamilySpec("ecs.d1ne", InstanceCategory.BigData, 1, true, CpuArchitecture.X86,
            PriceRates.Standard.WithLocalStorage(0.0100m), RegionTable.Established,
            [
                Disks("ecs.d1ne.2xlarge", 8, 32, 6, 1_000_000, 4, new LocalStorage(4, 5500, LocalHdd)),
                Disks("ecs.d1ne.4xlarge", 16, 64, 12, 1_600_000, 8, new LocalStorage(8, 5500, LocalHdd)),
                Disks("ecs.d1ne.6xlarge", 24, 96, 16, 2_000_000, 8, new LocalStorage(12, 5500, LocalHdd)),
                Disks("ecs.d1ne.8xlarge", 32, 128, 20, 2_500_000, 8, new LocalStorage(16, 5500, LocalHdd)),
                Disks("ecs.d1ne.14xlarge", 56, 224, 35, 4_500_000, 8, new LocalStorage(28, 5500, LocalHdd)),
            ]);

        yield return new FamilySpec("ecs.d2s", InstanceCategory.BigData, 2, true, CpuArchitecture.X86,
            PriceRates.Standard.WithLocalStorage(0.0095m), RegionTable.MainlandChina,
            [
                Disks("ecs.d2s.2xlarge", 8, 44, 6, 1_000_000, 4, new LocalStorage(4, 7300, LocalHdd)),
                Disks("ecs.d2s.4xlarge", 16, 88, 12, 1_600_000, 8, new LocalStorage(8, 7300, LocalHdd)),
                Disks("ecs.d2s.5xlarge", 20, 88, 12, 2_000_000, 8, new LocalStorage(12, 7300, LocalHdd)),
                Disks("ecs.d2s.8xlarge", 32, 176, 20, 2_500_000, 8, new LocalStorage(16, 7300, LocalHdd)),
                Disks("ecs.d2s.10xlarge", 40, 176, 25, 3_000_000, 8, new LocalStorage(15, 7300, LocalHdd)),
                Disks("ecs.d2s.20xlarge", 80, 352, 32, 6_000_000, 15, new LocalStorage(30, 7300, LocalHdd)),
            ]);

        yield return new FamilySpec("ecs.i3", InstanceCategory.LocalSsd, 3, true, CpuArchitecture.X86,
            PriceRates.Standard.WithLocalStorage(0.0600m), [.. RegionTable.ChinaAndSingapore, RegionTable.Tokyo, RegionTable.Frankfurt],
            [
                Disks("ecs.i3.xlarge", 4, 32, 1.5, 500_000, 3, new LocalStorage(1, 937, LocalSsd)),
                Disks("ecs.i3.2xlarge", 8, 64, 2.5, 1_000_000, 4, new LocalStorage(1, 1788, LocalSsd)),
                Disks("ecs.i3.4xlarge", 16, 128, 5, 1_500_000, 8, new LocalStorage(2, 1788, LocalSsd)),
                Disks("ecs.i3.8xlarge", 32, 256, 10, 2_000_000, 8, new LocalStorage(4, 1788, LocalSsd)),
                Disks("ecs.i3.16xlarge", 64, 512, 25, 4_000_000, 8, new LocalStorage(8, 1788, LocalSsd)),
                Disks("ecs.i3.32xlarge", 128, 1024, 64, 16_000_000, 15, new LocalStorage(16, 1788, LocalSsd)),
            ]);

        yield return new FamilySpec("ecs.i2", InstanceCategory.LocalSsd, 2, true, CpuArchitecture.X86,
            PriceRates.Standard.WithLocalStorage(0.0550m), RegionTable.Established,
            [
                Disks("ecs.i2.xlarge", 4, 32, 1, 500_000, 3, new LocalStorage(1, 894, LocalSsd)),
                Disks("ecs.i2.2xlarge", 8, 64, 2, 1_000_000, 4, new LocalStorage(1, 1788, LocalSsd)),
                Disks("ecs.i2.4xlarge", 16, 128, 3, 1_500_000, 8, new LocalStorage(2, 1788, LocalSsd)),
                Disks("ecs.i2.8xlarge", 32, 256, 6, 2_000_000, 8, new LocalStorage(4, 1788, LocalSsd)),
                Disks("ecs.i2.16xlarge", 64, 512, 10, 4_000_000, 8, new LocalStorage(8, 1788, LocalSsd)),
            ]);
    }

    private static TypeSpec Disks(string name, int vcpu, double gib, double gbps, long pps, int enis, LocalStorage storage) =>
        new(name, vcpu, gib, gbps, pps, enis) { LocalStorage = storage };
}
