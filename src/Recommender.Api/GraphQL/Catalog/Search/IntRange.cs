namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>An inclusive integer range; a missing bound is open.</summary>
public sealed record IntRange
{
    public int? Min { get; init; }

    public int? Max { get; init; }

    public bool Contains(int value) => (Min is not { } min || value >= min) && (Max is not { } max || value <= max);
}
