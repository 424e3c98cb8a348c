namespace Recommender.Core.Catalog;

/// <summary>What an instance family is built for (Alibaba's family classification, normalised).</summary>
public enum InstanceCategory
{
    General,
    Compute,
    Memory,
    Gpu,
    Burstable,
    BigData,
    LocalSsd,
    HighClockSpeed,
    Other,
}
