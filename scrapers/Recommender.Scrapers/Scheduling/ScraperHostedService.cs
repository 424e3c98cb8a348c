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
/// configured account. Otherwise the scheduler is never built (no job store connection) and the state says why.
/// On stop it waits for running refreshes, which see their token cancelled and record it.
/// </summary>
public sealed partial class ScraperHostedService(
    IServiceProvider services,
    RefreshStatusRegistry status,
    IOptions<ScraperOptions> options,
    ILogger<ScraperHostedService> logger) : IHostedService
{
    private IScheduler? scheduler;

    public string JobStore => options.Value.PostgreSql is null ? "memory" : "postgresql";

    public IScheduler? Scheduler => scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var reason = await DisabledReasonAsync(cancellationToken).ConfigureAwait(false);
        if (reason is not null)
        {
            status.SetState(new ScraperState(ScraperMode.Disabled, reason, JobStore, null));
            LogDisabled(reason);
            return;
        }

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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is null)
        {
            return;
        }

        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken).ConfigureAwait(false);
        status.SetState(status.State with { Mode = ScraperMode.Stopped });
    }

    private async Task<string?> DisabledReasonAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return "scrapers disabled: Scrapers:Enabled is false";
        }

        if (!services.GetServices<ICloudProvider>().Any())
        {
            return "scrapers disabled: no cloud provider registered";
        }

        var account = options.Value.CredentialAccount;
        var source = services.GetService<ICredentialSource>();
        if (source is null)
        {
            return "scrapers disabled: no credentials (no credential source registered)";
        }

        try
        {
            return await source.GetAsync(account, ct).ConfigureAwait(false) is null
                ? $"scrapers disabled: no credentials for account '{account}'"
                : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"scrapers disabled: credentials for account '{account}' unavailable: {ex.Message}";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}; serving the catalog snapshot only")]
    private partial void LogDisabled(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scrapers failed to start on the {JobStore} job store; serving the catalog held")]
    private partial void LogFailed(Exception ex, string jobStore);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scrapers started on the {JobStore} job store as {InstanceId}")]
    private partial void LogStarted(string jobStore, string instanceId);
}
