namespace Recommender.Core.Catalog;

/// <summary>Hourly price of one node in a zone, in the region catalog's currency.</summary>
public sealed record ZonePrice(string Zone, decimal Price);
