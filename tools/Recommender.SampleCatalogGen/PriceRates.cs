namespace Recommender.SampleCatalogGen;

/// <summary>
/// Hourly USD components of the indicative price model, before the region factor. Not Alibaba's price list: the
/// standard rates were chosen so that mainstream types land near the public pay-as-you-go figures of the
/// international site (e.g. ecs.g7.large about 0.09 USD/h in Hangzhou); families then scale them.
/// </summary>
public sealed record PriceRates(decimal PerVcpu, decimal PerGiB, decimal PerGpu, decimal PerLocalTiB)
{
    /// <summary>Reference rates of a 7th generation Intel family.</summary>
    public static readonly PriceRates Standard = new(0.0215m, 0.0058m, 0m, 0m);

    /// <summary>Credit-based types sell a fraction of a vCPU, so the vCPU component is much lower.</summary>
    public static readonly PriceRates Burstable = new(0.0042m, 0.0045m, 0m, 0m);

    public PriceRates Scaled(decimal factor) => this with { PerVcpu = PerVcpu * factor, PerGiB = PerGiB * factor };

    public PriceRates WithGpu(decimal perGpu) => this with { PerGpu = perGpu };

    public PriceRates WithLocalStorage(decimal perTiB) => this with { PerLocalTiB = perTiB };
}
