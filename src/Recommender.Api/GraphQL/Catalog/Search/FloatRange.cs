namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>An inclusive floating-point range; a missing bound is open.</summary>
public sealed record FloatRange
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public bool Contains(double value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
