using GraphQL.Types;
using Recommender.Core.Recommendations;

namespace Recommender.Api.GraphQL.Recommendations;

public sealed class ProofStateGraphType : EnumerationGraphType<ProofState>
{
    public ProofStateGraphType()
    {
        Name = "ProofState";
        Description =
            "Whether a recommendation may still change: PROVING (a background solve is improving it; poll "
            + "recommendation(id) until DONE) or DONE (proven, its whole time limit spent, waited for, or not continued).";
    }
}
