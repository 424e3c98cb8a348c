namespace Recommender.Core.Catalog;

/// <summary>A provider region with its zones, e.g. <c>cn-hangzhou</c>.</summary>
public sealed record Region(string Id, string Name, IReadOnlyList<Zone> Zones);
