using Recommender.Core.Consultations;

namespace Recommender.Api.GraphQL.ScaleOut;

/// <summary>A consultation with its cursor.</summary>
public sealed record ConsultationEdge(Consultation Node)
{
    public string Cursor => ConsultationCursor.Encode(Node);
}
