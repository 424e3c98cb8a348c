namespace Recommender.Core.Consultations;

/// <summary>One page of a cluster's consultations, newest first.</summary>
/// <param name="HasNextPage">Whether older consultations follow the last one of the page.</param>
public sealed record ConsultationPage(IReadOnlyList<Consultation> Items, bool HasNextPage);
