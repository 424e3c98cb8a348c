using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Recommender.Core.Cloud;
using Recommender.Scrapers.Status;

namespace Recommender.Scrapers.Scheduling;

/// <summary>
/// Starts the schedule only when scraping can work: enabled, at least one cloud provider, and credentials for the
/// configured account. Otherwise the scheduler is not built (no job store connection) and the state says why; when
/// only the credentials are missing it asks again every <see cref="ScraperOptions.CredentialRecheck"/> and starts
/// once they are there.
/// On stop it waits for running refreshes, which see their token cancelled and record it.
/// </summary>
public sealed partial class ScraperHostedService(
    IServiceProvider services,
    RefreshStatusRegistry status,
    IOptions<ScraperOptions> options,
    ILogger<ScraperHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private int disposed;
    private IScheduler? scheduler;
    private Task? recheck;

    public string JobStore => options.Value.PostgreSql is null ? "memory" : "postgresql";

    public IScheduler? Scheduler => scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (reason, credentialsMissing) = await DisabledReasonAsync(cancellationToken).ConfigureAwait(false);
        if (reason is null)
        {
            await StartSchedulerAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        status.SetState(new ScraperState(ScraperMode.Disabled, reason, JobStore, null));
        LogDisabled(reason);
        if (credentialsMissing && options.Value.CredentialRecheck > TimeSpan.Zero)
        {
            var token = stopping.Token; // taken now: the source may be disposed before the task runs
            recheck = Task.Run(() => RecheckCredentialsAsync(token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may dispose its services before stopping them (WebApplicationFactory does); Dispose cancelled then.
        if (Volatile.Read(ref disposed) == 0)
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }

        if (recheck is not null)
        {
            await recheck.ConfigureAwait(false);
        }

        if (scheduler is null)
        {
            return;
        }

        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
        status.SetState(status.State with { Mode = ScraperMode.Stopped });
    }

    private async Task StartSchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken).ConfigureAwait(false);
            await created.Start(cancellationToken).ConfigureAwait(false);
            scheduler = created;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The API can still answer from the catalog it holds; failing the whole host would take that away too.
            var failure = $"scrapers failed to start: {ex.Message}";
            status.SetState(new ScraperState(ScraperMode.Failed, failure, JobStore, null));
            LogFailed(ex, JobStore);
            return;
        }

        status.SetState(new ScraperState(ScraperMode.Running, null, JobStore, scheduler.SchedulerInstanceId));
        LogStarted(JobStore, scheduler.SchedulerInstanceId);
    }

    /// <summary>
    /// Asks the credential source again every <see cref="ScraperOptions.CredentialRecheck"/> until it has credentials
    /// (then starts the schedule) or the service stops: keys added later, or a credential store that was down at
    /// start, must not need a restart.
    /// </summary>
    private async Task RecheckCredentialsAsync(CancellationToken ct)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        try
        {
            while (true)
            {
                await Task.Delay(options.Value.CredentialRecheck, time, ct).ConfigureAwait(false);
                var (reason, _) = await DisabledReasonAsync(ct).ConfigureAwait(false);
                if (reason is null)
                {
                    await StartSchedulerAsync(ct).ConfigureAwait(false);
                    return;
                }

                status.SetState(new ScraperState(ScraperMode.Disabled, reason, JobStore, null));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <returns>Why the scrapers cannot run (null: they can), and whether only credentials are missing.</returns>
    private async Task<(string? Reason, bool CredentialsMissing)> DisabledReasonAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return ("scrapers disabled: Scrapers:Enabled is false", false);
        }

        if (!services.GetServices<ICloudProvider>().Any())
        {
            return ("scrapers disabled: no cloud provider registered", false);
        }

        var account = options.Value.CredentialAccount;
        var source = services.GetService<ICredentialSource>();
        if (source is null)
        {
            return ("scrapers disabled: no credentials (no credential source registered)", false);
        }

        try
        {
            return await source.GetAsync(CredentialReference.Service(account), ct).ConfigureAwait(false) is null
                ? ($"scrapers disabled: no credentials for account '{account}'", true)
                : (null, false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ($"scrapers disabled: credentials for account '{account}' unavailable: {ex.Message}", true);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}; serving the catalog snapshot only")]
    private partial void LogDisabled(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scrapers failed to start on the {JobStore} job store; serving the catalog held")]
    private partial void LogFailed(Exception ex, string jobStore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrapers started on the {JobStore} job store as {InstanceId}")]
    private partial void LogStarted(string jobStore, string instanceId);
}
