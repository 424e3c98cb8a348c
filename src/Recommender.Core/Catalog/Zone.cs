namespace Recommender.Core.Catalog;

/// <summary>An availability zone of a region, e.g. <c>cn-hangzhou-i</c>.</summary>
public sealed record Zone(string Id, string Name);
