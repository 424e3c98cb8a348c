using Recommender.Core.Catalog;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Tests.Fakes;

/// <summary>One call the fake received; <see cref="Region"/> and <see cref="Kind"/> are null for GetRegionsAsync.</summary>
public sealed record ProviderCall(string Method, string? Region, RefreshKind? Kind, RegionCatalog? Previous);
