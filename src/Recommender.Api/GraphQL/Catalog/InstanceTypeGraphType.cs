using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

/// <summary>An instance type as sold in one region: the Core <c>InstanceType</c> hardware plus the offering's prices.</summary>
public sealed class InstanceTypeGraphType : ObjectGraphType<RegionOffering>
{
    public InstanceTypeGraphType()
    {
        Name = "InstanceType";
        Description = "An instance type as sold in one region: hardware, hourly prices and per-zone stock.";
        Field("name", x => x.Type.Name).Description("Provider type id, e.g. ecs.g7.large.");
        Field("family", x => x.Type.Family).Description("Family id, e.g. ecs.g7.");
        Field<NonNullGraphType<InstanceCategoryGraphType>>("category").Description("What the family is built for.")
            .Resolve(ctx => ctx.Source.Type.Category);
        Field("generation", x => x.Type.Generation).Description("Family generation number; 0 when the provider does not say.");
        Field("currentGeneration", x => x.Type.IsCurrentGeneration).Description("False for previous-generation families.");
        Field<NonNullGraphType<CpuArchitectureGraphType>>("architecture").Description("CPU architecture.")
            .Resolve(ctx => ctx.Source.Type.Architecture);
        Field("vcpu", x => x.Type.Vcpu).Description("Number of vCPUs.");
        Field("sustainedVcpu", x => x.Type.SustainedVcpu)
            .Description("vCPU the type sustains: vcpu × burstBaselinePercent / 100 for burstable types (8 vCPU at 40 %: 3.2), vcpu otherwise. Layouts cover a request's cpu with allocatableVcpu at this share.");
        Field("memoryGiB", x => x.Type.MemoryGiB).Description("Memory in GiB.");
        Field("allocatableVcpu", x => NodeReservation.AllocatableMillicores(x.Type) / 1000d)
            .Description("vCPU pods can use on one node: vcpu minus the node reservation (rule in README, Node reservation).");
        Field("allocatableMemoryGiB", x => NodeReservation.AllocatableMemoryMiB(x.Type) / 1024d)
            .Description("Memory in GiB pods can use on one node: memoryGiB minus the node reservation and eviction threshold (rule in README, Node reservation).");
        Field("gpuCount", x => x.Type.GpuCount).Description("Number of GPUs; 0 without GPUs.");
        Field("gpuModel", x => x.Type.GpuModel, nullable: true).Description("GPU model, e.g. NVIDIA A10; null without GPUs.");
        Field("gpuMemoryGiB", x => x.Type.GpuMemoryGiB).Description("Memory of each GPU in GiB; 0 without GPUs.");
        Field("networkBandwidthGbps", x => x.Type.NetworkBandwidthGbps).Description("Baseline (not burst) network bandwidth in Gbit/s.");
        Field<NonNullGraphType<NetworkPerformanceGraphType>>("networkPerformance").Description("Network class derived from the bandwidth.")
            .Resolve(ctx => ctx.Source.Type.NetworkPerformance);
        Field("packetsPerSecond", x => x.Type.PacketsPerSecond).Description("Baseline packet forwarding rate.");
        Field("eniCount", x => x.Type.EniCount).Description("Elastic network interfaces the type can attach.");
        Field("burstable", x => x.Type.IsBurstable).Description("True for credit-based burstable types.");
        Field("burstBaselinePercent", x => x.Type.BurstBaselinePercent, nullable: true)
            .Description("Sustained share of each vCPU in percent for burstable types; null otherwise.");
        Field<LocalStorageGraphType>("localStorage").Description("Instance-attached disks; null when the type has none.")
            .Resolve(ctx => ctx.Source.Type.LocalStorage);
        Field("onDemandPrice", x => x.Offering.OnDemandPrice).Description("Pay-as-you-go hourly price (Linux, compute only).");
        Field("pricePerVcpu", x => x.PricePerVcpu).Description("On-demand hourly price divided by vCPUs (6 decimals).");
        Field("currency", x => x.Region.Currency).Description("ISO 4217 currency of every price of this type, e.g. USD.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ZonePriceGraphType>>>>("spotPrices")
            .Description("Latest spot price per zone; empty when the type cannot run as spot in this region.")
            .Resolve(ctx => ctx.Source.Offering.SpotPrices);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ZoneAvailabilityGraphType>>>>("availability")
            .Description("Stock per zone; a zone missing here does not offer the type at all.")
            .Resolve(ctx => ctx.Source.Offering.Availability);
    }
}
