namespace Recommender.Core.Catalog;

/// <summary>A cloud provider we hold a catalog for (today: <c>alibaba</c>).</summary>
/// <param name="Id">Stable lower-case identifier used in every API argument.</param>
/// <param name="Name">Human-readable name.</param>
public sealed record Provider(string Id, string Name);
