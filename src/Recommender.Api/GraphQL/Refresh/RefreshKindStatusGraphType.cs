using GraphQL.Types;
using Recommender.Scrapers.Status;

namespace Recommender.Api.GraphQL.Refresh;

public sealed class RefreshKindStatusGraphType : ObjectGraphType<RefreshKindStatus>
{
    public RefreshKindStatusGraphType()
    {
        Name = "RefreshKindStatus";
        Description = "Refresh history of one kind of data in one region, since this process started.";
        Field<NonNullGraphType<RefreshKindGraphType>>("kind").Description("The kind of refresh.").Resolve(ctx => ctx.Source.Kind);
        Field("lastAttemptAt", x => x.LastAttemptAt, nullable: true).Description("When the last attempt started.");
        Field("lastSuccessAt", x => x.LastSuccessAt, nullable: true).Description("When the last successful attempt finished.");
        Field("lastDurationMs", x => x.LastDuration.HasValue ? x.LastDuration.Value.TotalMilliseconds : (double?)null, nullable: true)
            .Description("Duration of the last finished attempt, successful or not, in milliseconds.");
        Field("lastApiCalls", x => x.LastApiCalls).Description("Provider API calls of the last successful refresh.");
        Field<NonNullGraphType<LongGraphType>>("totalApiCalls").Description("Provider API calls of every successful refresh so far.")
            .Resolve(ctx => ctx.Source.TotalApiCalls);
        Field("consecutiveFailures", x => x.ConsecutiveFailures).Description("Failed attempts since the last success.");
        Field("running", x => x.IsRunning).Description("An attempt is in progress.");
        Field("stale", x => x.IsStale).Description("No successful refresh of this kind (or a full one) within its configured limit.");
        Field<RefreshErrorGraphType>("lastError").Description("Error of the last attempt; null once an attempt succeeds.")
            .Resolve(ctx => ctx.Source.LastError);
    }
}
