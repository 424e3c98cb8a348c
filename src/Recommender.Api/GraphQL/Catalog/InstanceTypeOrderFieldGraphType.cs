using GraphQL.Types;
using Recommender.Api.GraphQL.Catalog.Search;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class InstanceTypeOrderFieldGraphType : EnumerationGraphType<InstanceTypeOrderField>
{
    public InstanceTypeOrderFieldGraphType()
    {
        Name = "InstanceTypeOrderField";
        Description = "What to order instance types by: on-demand PRICE, PRICE_PER_VCPU, or NAME.";
    }
}
