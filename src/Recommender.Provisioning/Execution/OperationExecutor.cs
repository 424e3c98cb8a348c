using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Alibaba.Cs;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;
using Recommender.Provisioning.Operations;
using Recommender.Secrets;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// Carries a claimed operation forward step by step (or, when rolling back, through its rollback steps), saving with
/// compare-and-set before each step starts (state Running, one more attempt) and after it ends, and in between whenever a
/// step learns an id from ACK. So a replica killed at any point leaves a record the next one resumes from: a step that was
/// Running is simply run again, and create steps look for what their earlier attempt made before creating anything.
/// Transient failures are retried inside the step with exponential backoff (at least the server's hint) up to
/// <see cref="ProvisioningOptions.MaxStepAttempts"/>; permanent ones fail the step and the operation, keeping the
/// vendor's code, message and request id.
/// </summary>
public sealed partial class OperationExecutor
{
    private readonly IOperationStore store;
    private readonly AckSteps steps;
    private readonly ProvisioningOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger<OperationExecutor> logger;

    public OperationExecutor(
        IOperationStore store, CsClient cs, ISecretStore secrets, ICatalog catalog, IOptions<ProvisioningOptions> options, TimeProvider time, ILogger<OperationExecutor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.time = time;
        this.logger = logger;
        settings = options.Value;
        steps = new AckSteps(cs, secrets, catalog, new StepPoller(options, time), options);
    }

    /// <summary>
    /// Runs <paramref name="claimed"/> (as returned by <see cref="IOperationStore.TryClaimAsync"/>) until it succeeds,
    /// fails, is rolled back, or <paramref name="ct"/> is cancelled (lease lost, shutdown). Returns the operation as last
    /// saved. Throws <see cref="OperationCanceledException"/> when cancelled, and lets store failures through; every cloud
    /// or input failure ends in the operation's record instead. <paramref name="renewLease"/> renews the caller's lease
    /// and says whether it still holds it; it is called right before every create call (null: not leased, e.g. tests).
    /// </summary>
    public async Task<ProvisioningOperation> RunAsync(ProvisioningOperation claimed, CancellationToken ct, Func<CancellationToken, Task<bool>>? renewLease = null)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var run = new OperationRun(store, time, claimed, renewLease);
        OperationTarget target;
        try
        {
            target = OperationTarget.Of(claimed);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Only a store written by something else can hold an unreadable input; fail it instead of retrying forever.
            await run.SaveAsync(claimed with { State = OperationState.Failed }, ct).ConfigureAwait(false);
            LogUnreadableInput(logger, claimed.Id, e);
            return run.Operation;
        }

        var rollingBack = claimed.State == OperationState.RollingBack;
        while (true)
        {
            var index = NextStep(run.Operation, rollingBack);
            if (index < 0)
            {
                await FinishAsync(run, rollingBack, ct).ConfigureAwait(false);
                return run.Operation;
            }

            if (run.Step(index).State == OperationStepState.Failed)
            {
                await run.SaveAsync(run.Operation with { State = OperationState.Failed }, ct).ConfigureAwait(false);
                return run.Operation;
            }

            if (!await RunStepAsync(run, target, index, ct).ConfigureAwait(false))
            {
                return run.Operation;
            }
        }
    }

    /// <summary>The first step of this direction that has not ended; -1 when all have.</summary>
    private static int NextStep(ProvisioningOperation operation, bool rollingBack)
    {
        for (var i = 0; i < operation.Steps.Count; i++)
        {
            var step = operation.Steps[i];
            if (StepNames.IsRollBack(step.Name) == rollingBack && step.State is OperationStepState.Pending or OperationStepState.Running or OperationStepState.Failed)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Runs one step to its end; false when it failed (the operation is then saved as failed).</summary>
    private async Task<bool> RunStepAsync(OperationRun run, OperationTarget target, int index, CancellationToken ct)
    {
        while (true)
        {
            // Saved before any cloud call: the attempt counts even if this replica dies during it, and the next attempt
            // knows an earlier one may have reached ACK.
            await run.UpdateStepAsync(index, s => s with
            {
                State = OperationStepState.Running,
                Attempts = s.Attempts + 1,
                StartedAt = s.StartedAt ?? run.Now,
            }, ct).ConfigureAwait(false);
            RecommenderException failure;
            try
            {
                var outcome = await steps.RunAsync(run, target, index, ct).ConfigureAwait(false);
                if (run.Step(index).State is not OperationStepState.Succeeded)
                {
                    await run.UpdateStepAsync(index, s => s with { State = outcome, FinishedAt = run.Now }, ct).ConfigureAwait(false);
                }

                return true;
            }
            catch (RecommenderException e) when (!ct.IsCancellationRequested)
            {
                failure = e;
            }
            catch (Exception e) when (e is not (OperationCanceledException or LeaseLostException) && !ct.IsCancellationRequested && IsStepBug(e))
            {
                // A defect in a step must not loop forever across replicas: fail the operation, keep the type for support.
                LogStepDefect(logger, run.Operation.Id, run.Step(index).Name, e);
                failure = new CloudApiException("Client.InternalError", $"The step failed on an internal error ({e.GetType().Name}).");
            }

            var attempts = run.Step(index).Attempts;
            if (failure.IsTransient && attempts < settings.MaxStepAttempts)
            {
                await run.UpdateStepAsync(index, s => WithError(s, failure, OperationStepState.Running, null), ct).ConfigureAwait(false);
                await Task.Delay(Backoff(attempts, failure), time, ct).ConfigureAwait(false);
                continue;
            }

            await run.UpdateStepAsync(index, s => WithError(s, failure, OperationStepState.Failed, run.Now), ct, OperationState.Failed).ConfigureAwait(false);
            LogStepFailed(logger, run.Operation.Id, run.Step(index).Name, failure.Code, failure.Message);
            return false;
        }
    }

    private static bool IsStepBug(Exception e) => e is InvalidOperationException or ArgumentException or NullReferenceException or System.Text.Json.JsonException or FormatException;

    private async Task FinishAsync(OperationRun run, bool rollingBack, CancellationToken ct)
    {
        if (!rollingBack)
        {
            await run.SaveAsync(run.Operation with { State = OperationState.Succeeded }, ct).ConfigureAwait(false);
            return;
        }

        // What the rollback undid is marked so, to tell at a glance that the cluster or pools it made are gone.
        var undone = run.Operation.Steps.Select(s =>
            !StepNames.IsRollBack(s.Name) && s.Name is StepNames.CreateCluster or StepNames.CreateNodePool && (s.ClusterId is not null || s.NodePoolId is not null)
                ? s with { State = OperationStepState.RolledBack }
                : s).ToList();
        await run.SaveAsync(run.Operation with { State = OperationState.RolledBack, Steps = undone }, ct).ConfigureAwait(false);
    }

    private TimeSpan Backoff(int attempts, RecommenderException failure)
    {
        var exponential = settings.StepRetryBaseDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        var delay = exponential < settings.StepRetryMaxDelay ? exponential : settings.StepRetryMaxDelay;
        return failure is CloudApiException { RetryAfter: { } hint } && hint > delay ? hint : delay;
    }

    /// <summary>The step with the failure recorded: the vendor's code, message and request id, or our code in the output.</summary>
    private static OperationStep WithError(OperationStep step, RecommenderException failure, OperationStepState state, DateTimeOffset? finishedAt)
    {
        var cloud = failure as CloudApiException;
        return step with
        {
            State = state,
            FinishedAt = finishedAt,
            VendorCode = cloud?.VendorCode,
            VendorMessage = cloud?.Message,
            VendorRequestId = cloud?.RequestId,
            Output = new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = failure.Code, ["message"] = failure.Message, ["transient"] = failure.IsTransient },
            }.ToJsonString(),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operation {OperationId}: step {Step} failed with {Code}: {Reason}")]
    private static partial void LogStepFailed(ILogger logger, string operationId, string step, string code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {OperationId}: step {Step} hit an internal error")]
    private static partial void LogStepDefect(ILogger logger, string operationId, string step, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {OperationId} has an input this version cannot read; marked failed")]
    private static partial void LogUnreadableInput(ILogger logger, string operationId, Exception exception);
}
