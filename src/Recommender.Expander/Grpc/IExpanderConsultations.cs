using Recommender.Expander.Pricing;

namespace Recommender.Expander.Grpc;

/// <summary>Told about every BestOptions answer, for the decision log. Must return quickly: it runs inside CA's call.</summary>
public interface IExpanderConsultations
{
    void Record(string callId, BestOptionsRequest request, ExpanderDecision decision);
}
