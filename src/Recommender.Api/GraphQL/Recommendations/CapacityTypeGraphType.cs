using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class CapacityTypeGraphType : EnumerationGraphType<CapacityType>
{
    public CapacityTypeGraphType()
    {
        Name = "CapacityType";
        Description = "How the nodes of a pool are bought: ON_DEMAND (pay-as-you-go) or SPOT.";
    }
}
