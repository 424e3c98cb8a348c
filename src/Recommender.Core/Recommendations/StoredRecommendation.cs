namespace Recommender.Core.Recommendations;

/// <summary>A recommendation as served and kept: the answer, the request it answers, and its id and lifetime.</summary>
/// <param name="Id">Opaque random id (128 bits, base64url); knowing one id tells nothing about another.</param>
/// <param name="Request">The request as the solver read it (defaults filled in); names the provider and region.</param>
/// <param name="ExpiresAt">After this instant the store no longer returns it.</param>
public sealed record StoredRecommendation(
    string Id,
    LayoutRequest Request,
    Recommendation Recommendation,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);
