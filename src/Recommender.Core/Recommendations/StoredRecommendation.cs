namespace Recommender.Core.Recommendations;

/// <summary>
/// A recommendation as served and kept: the answer, the request it answers, and its id and lifetime. An answer that was
/// not proven optimal when it was given is improved in place by a background solve until
/// <see cref="ProvingUntil"/>: <see cref="Recommendation"/> is then the latest state and <see cref="Improvements"/>
/// says what changed and when.
/// </summary>
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
    string? Organization = null)
{
    /// <summary>What background solves changed since the answer was given, oldest first; empty when nothing did.</summary>
    public IReadOnlyList<RecommendationImprovement> Improvements { get; init; } = [];

    /// <summary>
    /// When the answer was proven (OPTIMAL, or INFEASIBLE with a proof): at answer time, or when a background solve
    /// proved it. Null while it is not proven.
    /// </summary>
    public DateTimeOffset? ProvenAt { get; init; }

    /// <summary>
    /// Until when a background solve may still change this recommendation (the service's whole time limit from the
    /// request, plus a margin to write the last change); null when nothing will (proven, waited for, or not continued).
    /// An instant rather than a flag, so a record whose replica stopped mid-proof does not claim to be proving forever.
    /// </summary>
    public DateTimeOffset? ProvingUntil { get; init; }

    /// <summary>Whether a background solve may still change this recommendation at <paramref name="now"/>.</summary>
    public bool IsProvingAt(DateTimeOffset now) => ProvingUntil is { } until && until > now;
}
