using Recommender.Core.Consultations;

namespace Recommender.Expander.Consultations;

/// <summary>
/// The decision log in this process: expired consultations are dropped as they are met, and past
/// <c>maxEntries</c> the oldest go first, so memory stays bounded whatever the autoscalers do.
/// </summary>
public sealed class InMemoryConsultationLog(TimeProvider time, int maxEntries) : IConsultationLog
{
    private readonly Lock gate = new();

    /// <summary>Oldest first (consultations are recorded in time order, give or take a clock step).</summary>
    private readonly LinkedList<Consultation> entries = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public Task RecordAsync(Consultation consultation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        lock (gate)
        {
            DropExpired();
            entries.AddLast(consultation);
            while (entries.Count > maxEntries)
            {
                entries.RemoveFirst();
            }
        }

        return Task.CompletedTask;
    }

    public Task<ConsultationPage> ListAsync(string? organization, string cluster, int first, string? after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var position = after is null ? ((long, string)?)null : ConsultationCursor.Decode(after);
        var now = time.GetUtcNow();
        List<Consultation> matching;
        lock (gate)
        {
            matching = [.. entries.Where(c => c.ExpiresAt > now && string.Equals(c.Cluster, cluster, StringComparison.Ordinal)
                && string.Equals(c.Organization, organization, StringComparison.Ordinal))];
        }

        var ordered = matching.OrderByDescending(c => c.At).ThenByDescending(c => c.Id, StringComparer.Ordinal)
            .Where(c => position is null || ConsultationCursor.IsAfter(c, position.Value)).Take(first + 1).ToList();
        return Task.FromResult(new ConsultationPage(ordered.Take(first).ToList(), ordered.Count > first));
    }

    private void DropExpired()
    {
        var now = time.GetUtcNow();
        while (entries.First is { } oldest && oldest.Value.ExpiresAt <= now)
        {
            entries.RemoveFirst();
        }
    }
}
