using System.Text;
using Recommender.Alibaba.Catalog;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Tests;

/// <summary>Family table, DescribeInstanceTypes mapping, public price file, catalog validation.</summary>
public sealed class CatalogMappingTests
{
    [Theory]
    [InlineData("ecs.g7", InstanceCategory.General, 7, true)]
    [InlineData("ecs.c8y", InstanceCategory.Compute, 8, true)]
    [InlineData("ecs.r7a", InstanceCategory.Memory, 7, true)]
    [InlineData("ecs.re6", InstanceCategory.Memory, 6, true)]
    [InlineData("ecs.gn7i", InstanceCategory.Gpu, 7, true)]
    [InlineData("ecs.vgn6i", InstanceCategory.Gpu, 6, true)]
    [InlineData("ecs.t6", InstanceCategory.Burstable, 6, true)]
    [InlineData("ecs.t5", InstanceCategory.Burstable, 5, false)]
    [InlineData("ecs.d3c", InstanceCategory.BigData, 3, false)]
    [InlineData("ecs.i4", InstanceCategory.LocalSsd, 4, false)]
    [InlineData("ecs.hfc7", InstanceCategory.HighClockSpeed, 7, true)]
    [InlineData("ecs.ebmg7", InstanceCategory.General, 7, true)]
    [InlineData("ecs.sn1ne", InstanceCategory.Compute, 1, false)]
    [InlineData("ecs.sn2ne", InstanceCategory.General, 2, false)]
    [InlineData("ecs.se1ne", InstanceCategory.Memory, 1, false)]
    [InlineData("ecs.f3", InstanceCategory.Other, 3, false)]
    [InlineData("ecs.e", InstanceCategory.General, 0, true)]
    public void Family_table(string family, InstanceCategory category, int generation, bool current)
    {
        Assert.Equal(category, FamilyTable.Category(family));
        Assert.Equal(generation, FamilyTable.Generation(family));
        Assert.Equal(current, FamilyTable.IsCurrentGeneration(family));
    }

    [Fact]
    public void Maps_the_documented_g6_large_example()
    {
        var item = new EcsInstanceType(
            "ecs.g6.large", "ecs.g6", "General-purpose", "EnterpriseLevel", 2, 8, "X86", "Intel Xeon", 0, 0, "", 0,
            1024000, 1024000, 300000, 300000, 2, 0, 0, "");

        var type = InstanceTypeMapper.Map(item);

        Assert.Equal(
            new InstanceType("ecs.g6.large", "ecs.g6", InstanceCategory.General, 6, true, CpuArchitecture.X86, 2, 8, 0, null, 0, 1.0, 300000, 2, null, null),
            type);
    }

    [Fact]
    public void Maps_burstable_GPU_ARM_and_local_storage_fields()
    {
        var burstable = InstanceTypeMapper.Map(new EcsInstanceType(
            "ecs.t6-c1m1.large", "ecs.t6", null, "CreditEntryLevel", 2, 2, "X86", null, 20, null, null, null, 102400, null, 50000, null, 2, null, null, null));
        var gpu = InstanceTypeMapper.Map(new EcsInstanceType(
            "ecs.gn7i-c8g1.2xlarge", "ecs.gn7i", null, "EnterpriseLevel", 8, 30, "X86", null, null, 1, "NVIDIA A10", 24, 16 * 1024000L, null, 1_600_000, null, 4, null, null, null));
        var arm = InstanceTypeMapper.Map(new EcsInstanceType(
            "ecs.d3c.3xlarge", "ecs.d3c", null, "EnterpriseLevel", 14, 56, "ARM", null, null, null, null, null, null, null, null, null, null, 1, 13_410, "local_hdd_pro"));

        Assert.Equal(10, burstable.BurstBaselinePercent);
        Assert.Equal(InstanceCategory.Burstable, burstable.Category);
        Assert.Equal(0.1, burstable.NetworkBandwidthGbps, 6);
        Assert.Equal((1, "NVIDIA A10", 24.0, 16.0), (gpu.GpuCount, gpu.GpuModel, gpu.GpuMemoryGiB, gpu.NetworkBandwidthGbps));
        Assert.Equal(CpuArchitecture.Arm, arm.Architecture);
        Assert.Equal(new LocalStorage(1, 13_410, "local_hdd_pro"), arm.LocalStorage);
        Assert.Null(gpu.BurstBaselinePercent);
    }

    [Theory]
    [InlineData("ecs.t6-c1m4.2xlarge", "ecs.t6", "CreditEntryLevel", 8, 320, 40.0)] // BaselineCredit is summed over the vCPUs
    [InlineData("ecs.t6-c1m4.2xlarge", "ecs.t6", "CreditEntryLevel", 8, null, 5.0)] // no BaselineCredit: the family's fallback
    [InlineData("ecs.t5-c1m2.large", "ecs.t5", "CreditEntryLevel", 2, 0, 10.0)]
    [InlineData("ecs.t7-c1m2.large", "ecs.t7", "CreditEntryLevel", 2, null, BurstBaselines.UnknownFamilyPercent)]
    [InlineData("ecs.t6-c1m2.large", "ecs.t6", null, 2, 40, 20.0)] // no family level: the family says burstable
    [InlineData("ecs.g7.large", "ecs.g7", null, 2, null, null)]
    public void Burstable_baseline_comes_from_BaselineCredit_or_the_family_fallback(
        string name, string family, string? level, int vcpu, int? baselineCredit, double? percent)
    {
        var type = InstanceTypeMapper.Map(new EcsInstanceType(
            name, family, null, level, vcpu, vcpu * 4, "X86", null, baselineCredit, null, null, null, 102400, null, 50000, null, 2, null, null, null));

        Assert.Equal(percent, type.BurstBaselinePercent);
        Assert.Equal(percent is not null, type.Category == InstanceCategory.Burstable);
    }

    [Fact]
    public void Public_price_file_reads_hourly_Linux_VPC_prices()
    {
        var json = """
            {"currency": "USD", "version": "2.0.7", "publicationDate": "2018-10-08T08:15:52Z",
             "pricingInfo": {
               "ap-southeast-1::ecs.t5-c1m1.xlarge::vpc::linux::optimized": {"hours": [{"price": "0.09", "period": "1"}], "months": [{"price": "45.74", "period": "1"}]},
               "ap-southeast-1::ecs.t5-c1m1.xlarge::vpc::windows::optimized": {"hours": [{"price": "0.19", "period": "1"}]},
               "us-east-1::ecs.g5.2xlarge::classic::linux::optimized": {"hours": [{"price": "0.336", "period": "1"}]}}}
            """;

        var file = PublicPriceFile.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal("USD", file.Currency);
        Assert.Equal(0.09m, Assert.Single(file.HourlyLinuxVpc).Value);
    }

    [Fact]
    public void Public_price_file_in_another_layout_is_a_typed_error()
    {
        var error = Assert.Throws<CloudApiException>(() => PublicPriceFile.Parse("""{"currency":"USD","pricingInfo":{"a::b::vpc::linux::optimized":{"hours":[{"price":"x"}]}}}"""u8));
        Assert.Equal(AlibabaErrorCodes.ClientMalformedResponse, error.VendorCode);
    }

    [Theory]
    [InlineData("no types")]
    [InlineData("zero price")]
    [InlineData("unknown zone")]
    public void Validation_refuses_a_broken_catalog(string problem)
    {
        var good = SyntheticCatalogForTests.Small();
        var first = good.InstanceTypes[0];
        IReadOnlyList<InstanceOffering> offerings = problem switch
        {
            "no types" => [],
            "zero price" => [first with { OnDemandPrice = 0 }],
            "unknown zone" => [first with { Availability = [new ZoneAvailability("elsewhere-z", StockStatus.WithStock)] }],
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        var broken = new RegionCatalog(good.Provider, good.Region, good.Currency, good.Source, good.UpdatedAt, good.Version, offerings);

        RegionCatalogValidator.Validate(good);
        var error = Assert.Throws<CloudApiException>(() => RegionCatalogValidator.Validate(broken));
        Assert.Equal(AlibabaErrorCodes.ClientInconsistentData, error.VendorCode);
    }
}
