using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL.Catalog.Search;

/// <summary>Filters, orders and pages the instance types of one region. Pure function of its arguments.</summary>
public static class InstanceTypeSearch
{
    public const int MaxPageSize = 500;

    public static InstanceTypePage Run(RegionIndex index, InstanceTypeFilter? filter, InstanceTypeOrder? order, int first, string? after)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (first is < 0 or > MaxPageSize)
        {
            throw new ValidationException("first", $"must be between 0 and {MaxPageSize}.");
        }

        order ??= InstanceTypeOrder.Default;
        var start = after is null ? 0 : PageCursor.Decode(after, order) + 1;
        var predicate = OfferingPredicate.Create(filter, index);
        var ordered = index.Ordered(order.Field);
        var descending = order.Direction == OrderDirection.Desc;
        var n = ordered.Count;
        var nodes = new List<RegionOffering>(Math.Min(first, n));
        var positions = new List<int>(nodes.Capacity);
        int total = 0;
        var hasNext = false;
        for (var position = 0; position < n; position++)
        {
            var o = ordered[descending ? n - 1 - position : position];
            if (predicate is not null && !predicate.Matches(o))
            {
                continue;
            }

            total++;
            if (position < start)
            {
                continue;
            }

            if (nodes.Count < first)
            {
                nodes.Add(o);
                positions.Add(position);
            }
            else
            {
                hasNext = true;
            }
        }

        return new InstanceTypePage(nodes, positions, total, hasNext, order);
    }
}
