using Recommender.Core.Catalog;

namespace Recommender.Expander.Pricing;

/// <summary>What one node of a template costs per hour, from the catalog.</summary>
/// <param name="Zone">The template's zone when the region has it; null when the template names none.</param>
/// <param name="InStock">
/// The type has stock in <see cref="Zone"/> (or in some zone when the template names none, or when the catalog has no
/// stock data for it).
/// </param>
public sealed record TemplatePrice(
    RegionCatalog Region,
    InstanceOffering Offering,
    string? Zone,
    CapacityType CapacityType,
    decimal HourlyPrice,
    bool InStock);
