namespace Recommender.Core.Consultations;

/// <summary>
/// One entry of the decision log: an autoscaler asked which pools to grow, and what we answered and why. The text
/// fields are summaries bounded to <see cref="ConsultationText.MaxLength"/> characters, never whole requests, and
/// carry no secrets (no tokens, no credentials: only sizes, instance types, pool names and prices).
/// </summary>
/// <param name="Id">Random id, unique in the log.</param>
/// <param name="Organization">Organisation the cluster belongs to; null for an anonymous consultation.</param>
/// <param name="Cluster">The cluster's label (the request's clusterId, or Expander:Cluster for the expander).</param>
/// <param name="Input">What was asked, summarised.</param>
/// <param name="Answer">What was answered, summarised.</param>
/// <param name="Why">The prices compared: the answer's against the alternatives and the baseline.</param>
/// <param name="Outcome">Status of the answer (OPTIMAL, INFEASIBLE... for scale-outs; the expander's decision basis).</param>
/// <param name="AddedHourlyPrice">What the answer adds per hour; null when it adds nothing or could not be priced.</param>
public sealed record Consultation(
    string Id,
    ConsultationKind Kind,
    string? Organization,
    string Cluster,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    long CatalogVersion,
    string Input,
    string Answer,
    string Why,
    string Outcome,
    decimal? AddedHourlyPrice);
