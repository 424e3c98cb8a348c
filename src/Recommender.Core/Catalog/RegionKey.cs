namespace Recommender.Core.Catalog;

/// <summary>Identifies one region catalog.</summary>
public readonly record struct RegionKey(string Provider, string Region)
{
    public override string ToString() => $"{Provider}/{Region}";
}
