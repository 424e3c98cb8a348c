namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>The <c>orderBy</c> argument of <c>instanceTypes</c>. Ties are broken by name, in the same direction.</summary>
public sealed record InstanceTypeOrder
{
    public static readonly InstanceTypeOrder Default = new() { Field = InstanceTypeOrderField.Price };

    public InstanceTypeOrderField Field { get; init; }

    public OrderDirection Direction { get; init; } = OrderDirection.Asc;
}
