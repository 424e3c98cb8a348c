namespace Recommender.Core.Consultations;

/// <summary>
/// The decision log: every autoscaler consultation, kept until its <see cref="Consultation.ExpiresAt"/>. In memory or
/// in Redis, chosen the way the recommendation store is.
/// </summary>
public interface IConsultationLog
{
    /// <summary>Keeps <paramref name="consultation"/> (may drop the oldest ones to stay within a size cap).</summary>
    Task RecordAsync(Consultation consultation, CancellationToken ct);

    /// <summary>
    /// The consultations of one cluster (of <paramref name="organization"/>, or anonymous when null), newest first,
    /// at most <paramref name="first"/>, strictly older than the <paramref name="after"/> cursor when given.
    /// </summary>
    Task<ConsultationPage> ListAsync(string? organization, string cluster, int first, string? after, CancellationToken ct);
}
