using System.Collections.Concurrent;
using Quartz;

namespace Recommender.Scrapers.Tests.Cluster;

/// <summary>Job listener shared by every node of a test cluster: one entry per execution, with the node that ran it.</summary>
public sealed class FireRecorder : IJobListener
{
    private readonly ConcurrentQueue<Execution> executions = new();

    public string Name => "fire-recorder";

    public IReadOnlyList<Execution> Executions => [.. executions];

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        executions.Enqueue(new Execution(
            context.Trigger.Key.ToString(), context.ScheduledFireTimeUtc, context.FireInstanceId, context.Scheduler.SchedulerInstanceId, context.Result));
        return ValueTask.CompletedTask;
    }

    /// <param name="Result">What the job left in <see cref="IJobExecutionContext.Result"/>: a refresh job's summary.</param>
    public sealed record Execution(string Trigger, DateTimeOffset? ScheduledAt, string FireInstanceId, string Node, object? Result);
}
