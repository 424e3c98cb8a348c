using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class NetworkPerformanceGraphType : EnumerationGraphType<NetworkPerformance>
{
    public NetworkPerformanceGraphType()
    {
        Name = "NetworkPerformance";
        Description = "Coarse network class derived from baseline bandwidth (LOW < 2, MODERATE < 10, HIGH < 25, EXTRA_HIGH from 25 Gbit/s).";
    }
}
