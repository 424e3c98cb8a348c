namespace Recommender.Core.Catalog;

public sealed record ZoneAvailability(string Zone, StockStatus Status);
