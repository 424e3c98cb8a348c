using Recommender.Core.Consultations;
using Recommender.Expander.Consultations;
using Recommender.Testing.Stores;

namespace Recommender.Expander.Tests.Consultations;

public sealed class InMemoryConsultationLogTests : ConsultationLogContract
{
    protected override IConsultationLog CreateLog() => new InMemoryConsultationLog(Time, 1_000);

    [Fact]
    public async Task The_oldest_go_first_past_the_cap()
    {
        var log = new InMemoryConsultationLog(Time, 3);
        for (var i = 0; i < 5; i++)
        {
            await log.RecordAsync(New($"id{i}", "c1"), CancellationToken.None);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, log.Count);
        Assert.Equal(["id4", "id3", "id2"], (await log.ListAsync(null, "c1", 10, null, CancellationToken.None)).Items.Select(c => c.Id));
    }
}
