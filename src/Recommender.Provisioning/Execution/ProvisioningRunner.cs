using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Provisioning.Operations;

namespace Recommender.Provisioning.Execution;

/// <summary>
/// Runs operations on this replica: claims runnable ones with a lease (<see cref="IOperationStore.TryClaimAsync"/>),
/// at most <see cref="ProvisioningOptions.MaxConcurrentOperations"/> at once, renews each lease every third of
/// <see cref="ProvisioningOptions.LeaseDuration"/> while working and stops working on an operation as soon as a renewal
/// says the lease was lost, and releases it when done (or when the host stops, so another replica can take it over at
/// once). Idle, it polls every <see cref="ProvisioningOptions.PollInterval"/> or wakes when this replica creates one.
/// </summary>
public sealed partial class ProvisioningRunner : BackgroundService
{
    private readonly IOperationStore store;
    private readonly OperationExecutor executor;
    private readonly OperationSignal signal;
    private readonly ProvisioningOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger<ProvisioningRunner> logger;

    public ProvisioningRunner(
        IOperationStore store, OperationExecutor executor, OperationSignal signal, IOptions<ProvisioningOptions> options, TimeProvider time, ILogger<ProvisioningRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.store = store;
        this.executor = executor;
        this.signal = signal;
        this.time = time;
        this.logger = logger;
        settings = options.Value;
        OwnerId = settings.Runner.OwnerId is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>This replica's name on the leases it holds.</summary>
    public string OwnerId { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Runner.Enabled)
        {
            return;
        }

        using var slots = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrentOperations));
        var working = new List<Task>();
        // Operations this replica is working on. A lease that ran out while its holder was slow (a store write stuck
        // behind others) can be claimed again by this same loop: never start a second worker on it here. The first one
        // then loses its next compare-and-set save, stops and releases, and the operation is claimed afresh.
        var inHand = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                var claimed = await TryClaimAsync(stoppingToken).ConfigureAwait(false);
                if (claimed is null)
                {
                    slots.Release();
                    await signal.WaitAsync(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                if (!inHand.TryAdd(claimed.Id, true))
                {
                    slots.Release();
                    continue;
                }

                working.RemoveAll(t => t.IsCompleted);
                working.Add(Task.Run(async () =>
                {
                    try
                    {
                        await WorkOnAsync(claimed, stoppingToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        inHand.TryRemove(claimed.Id, out _);
                        slots.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            // The operations in hand stop at their next await (same token) and release their leases.
            await Task.WhenAll(working).ConfigureAwait(false);
        }
    }

    private async Task<ProvisioningOperation?> TryClaimAsync(CancellationToken ct)
    {
        try
        {
            return await store.TryClaimAsync(OwnerId, settings.LeaseDuration, time.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed(logger, OwnerId, e);
            return null;
        }
    }

    private async Task WorkOnAsync(ProvisioningOperation claimed, CancellationToken stoppingToken)
    {
        using var working = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewUntilStoppedAsync(claimed.Id, working, renewing.Token);
        try
        {
            var final = await executor.RunAsync(
                claimed, working.Token, ct => store.RenewLeaseAsync(claimed.Id, OwnerId, settings.LeaseDuration, time.GetUtcNow(), ct)).ConfigureAwait(false);
            LogFinished(logger, final.Id, final.State, OwnerId);
        }
        catch (OperationCanceledException) when (working.IsCancellationRequested)
        {
            // Lease lost or the host is stopping: the record says where we were.
        }
        catch (LeaseLostException)
        {
            LogLeaseLost(logger, claimed.Id, OwnerId);
        }
        catch (Exception e)
        {
            LogRunFailed(logger, claimed.Id, e);
        }
        finally
        {
            await renewing.CancelAsync().ConfigureAwait(false);
            await renewal.ConfigureAwait(false);
            try
            {
                await store.ReleaseAsync(claimed.Id, OwnerId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // The lease then simply runs out.
                LogReleaseFailed(logger, claimed.Id, e);
            }
        }
    }

    /// <summary>Renews every third of the lease; a refused renewal cancels the work at once.</summary>
    private async Task RenewUntilStoppedAsync(string id, CancellationTokenSource working, CancellationToken stop)
    {
        var every = settings.LeaseDuration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop).ConfigureAwait(false);
                bool held;
                try
                {
                    held = await store.RenewLeaseAsync(id, OwnerId, settings.LeaseDuration, time.GetUtcNow(), stop).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The store did not answer: keep working while the lease may still be ours, try again next time.
                    LogRenewFailed(logger, id, e);
                    continue;
                }

                if (!held)
                {
                    LogLeaseLost(logger, id, OwnerId);
                    await working.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The work ended.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Operation {OperationId} ended {State} on {Owner}")]
    private static partial void LogFinished(ILogger logger, string operationId, OperationState state, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operation {OperationId}: lease lost by {Owner}; another replica goes on")]
    private static partial void LogLeaseLost(ILogger logger, string operationId, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operation {OperationId} stopped on an error; it resumes when claimed again")]
    private static partial void LogRunFailed(ILogger logger, string operationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claiming operations as {Owner} failed; trying again")]
    private static partial void LogClaimFailed(ILogger logger, string owner, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of operation {OperationId} failed")]
    private static partial void LogRenewFailed(ILogger logger, string operationId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing operation {OperationId} failed; its lease will run out")]
    private static partial void LogReleaseFailed(ILogger logger, string operationId, Exception exception);
}
