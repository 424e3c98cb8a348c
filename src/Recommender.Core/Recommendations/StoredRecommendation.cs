namespace Recommender.Core.Recommendations;

/// <summary>A recommendation as served and kept: the answer, the request it answers, and its id and lifetime.</summary>
/// <param name="Id">Opaque random id (128 bits, base64url); knowing one id tells nothing about another.</param>
/// <param name="Request">The request as the solver read it (defaults filled in); names the provider and region.</param>
/// <param name="ExpiresAt">After this instant the store no longer returns it.</param>
/// <param name="Organization">
/// The organisation it was made for, when the caller named one: only that organisation's members can read it again,
/// and only that organisation can provision from it. Null: anonymous, readable by anyone who knows the id.
/// </param>
public sealed record StoredRecommendation(
    string Id,
    LayoutRequest Request,
    Recommendation Recommendation,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    string? Organization = null);
