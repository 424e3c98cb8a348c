using Microsoft.Extensions.Time.Testing;
using Recommender.Core.Consultations;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>
/// The behaviour every <see cref="IConsultationLog"/> must have: a cluster's consultations newest first, paged by
/// cursor, kept apart per organisation and cluster, gone once expired. A concrete suite says how to make an empty log.
/// </summary>
public abstract class ConsultationLogContract
{
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero));

    /// <summary>A log holding nothing, isolated from every other test's, reading <see cref="Time"/>.</summary>
    protected abstract IConsultationLog CreateLog();

    [Fact]
    public async Task A_clusters_consultations_read_back_newest_first_and_page_by_cursor()
    {
        var log = CreateLog();
        for (var i = 0; i < 5; i++)
        {
            await log.RecordAsync(New($"id{i}", "c1"), CancellationToken.None);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await log.ListAsync(null, "c1", 2, null, CancellationToken.None);
        Assert.Equal(["id4", "id3"], first.Items.Select(c => c.Id));
        Assert.True(first.HasNextPage);
        var second = await log.ListAsync(null, "c1", 2, ConsultationCursor.Encode(first.Items[^1]), CancellationToken.None);
        Assert.Equal(["id2", "id1"], second.Items.Select(c => c.Id));
        var last = await log.ListAsync(null, "c1", 2, ConsultationCursor.Encode(second.Items[^1]), CancellationToken.None);
        Assert.Equal(["id0"], last.Items.Select(c => c.Id));
        Assert.False(last.HasNextPage);
        Assert.Equal(New("id0", "c1", at: first.Items[0].At.AddSeconds(-4)) with { Input = "asked" }, last.Items[0] with { Input = "asked" });
    }

    [Fact]
    public async Task Consultations_in_the_same_millisecond_page_without_loss()
    {
        var log = CreateLog();
        foreach (var id in new[] { "b", "a", "c" })
        {
            await log.RecordAsync(New(id, "c1"), CancellationToken.None);
        }

        var first = await log.ListAsync(null, "c1", 1, null, CancellationToken.None);
        var rest = await log.ListAsync(null, "c1", 5, ConsultationCursor.Encode(first.Items[0]), CancellationToken.None);

        Assert.Equal(["c", "b", "a"], first.Items.Concat(rest.Items).Select(c => c.Id));
    }

    [Fact]
    public async Task Clusters_and_organisations_are_kept_apart()
    {
        var log = CreateLog();
        await log.RecordAsync(New("anon", "c1"), CancellationToken.None);
        await log.RecordAsync(New("acme", "c1", organization: "acme"), CancellationToken.None);
        await log.RecordAsync(New("other", "c2"), CancellationToken.None);

        Assert.Equal(["anon"], (await log.ListAsync(null, "c1", 10, null, CancellationToken.None)).Items.Select(c => c.Id));
        Assert.Equal(["acme"], (await log.ListAsync("acme", "c1", 10, null, CancellationToken.None)).Items.Select(c => c.Id));
        Assert.Empty((await log.ListAsync("globex", "c1", 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Expired_consultations_are_gone()
    {
        var log = CreateLog();
        await log.RecordAsync(New("old", "c1", retention: TimeSpan.FromHours(1)), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(30));
        await log.RecordAsync(New("new", "c1", retention: TimeSpan.FromHours(1)), CancellationToken.None);

        Time.Advance(TimeSpan.FromMinutes(45));

        Assert.Equal(["new"], (await log.ListAsync(null, "c1", 10, null, CancellationToken.None)).Items.Select(c => c.Id));
    }

    protected Consultation New(string id, string cluster, string? organization = null, TimeSpan? retention = null, DateTimeOffset? at = null)
    {
        var now = at ?? Time.GetUtcNow();
        return new Consultation(id, ConsultationKind.ScaleOut, organization, cluster, now, now + (retention ?? TimeSpan.FromDays(7)), 42,
            "asked", "answered", "why", "OPTIMAL", 1.25m);
    }
}
