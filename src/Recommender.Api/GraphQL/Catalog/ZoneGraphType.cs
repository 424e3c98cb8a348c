using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class ZoneGraphType : ObjectGraphType<Zone>
{
    public ZoneGraphType()
    {
        Name = "Zone";
        Description = "An availability zone of a region.";
        Field(x => x.Id).Description("Zone id, e.g. cn-hangzhou-i; use it in zone filters.");
        Field(x => x.Name).Description("Human-readable zone name.");
    }
}
