using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Errors;

namespace Recommender.Secrets.Vault;

/// <summary>
/// Keeps the client's token alive, on the schedule of the official client's LifetimeWatcher (contract §5.3): with
/// grace = a random 10–20 % of the lease, it sleeps ⅔ of the remaining lease plus ⅓ of the grace, then renews
/// (<c>renew-self</c>). When a renewal no longer extends the token (the max-TTL cap: the new lease leaves no more than
/// the grace after the next sleep, or ends no later than before) or Vault refuses it (403), AppRole logs in again; a
/// static token is looked up at start (TTL, renewable), renewed while it can be, and re-read from its file once Vault
/// refuses it. A token that does not expire needs nothing. Failures are retried after
/// <see cref="VaultOptions.RenewalRetryDelay"/> (sooner when the token would expire first); data calls log in on their
/// own if the token lapses anyway.
/// </summary>
public sealed class VaultTokenRenewer(IVaultClient vault, IOptions<VaultOptions> options, TimeProvider time, ILogger<VaultTokenRenewer> logger)
    : BackgroundService
{
    private readonly VaultOptions settings = options.Value;

    private long nextRoundTicks;
    private int rounds;

    /// <summary>When the next round is due; null while a round runs or when nothing is left to do. For tests and diagnostics.</summary>
    public DateTimeOffset? NextRoundAt =>
        Interlocked.Read(ref nextRoundTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Rounds completed so far (each a login, lookup or renewal attempt).</summary>
    public int Rounds => Volatile.Read(ref rounds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (await RoundAsync(stoppingToken).ConfigureAwait(false) is { } wait)
            {
                Interlocked.Exchange(ref nextRoundTicks, (time.GetUtcNow() + wait).UtcTicks);
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                Interlocked.Exchange(ref nextRoundTicks, 0);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    /// <summary>
    /// A round that never ends the service: an unexpected failure is logged and retried later, because an exception
    /// escaping a BackgroundService stops the whole host.
    /// </summary>
    private async Task<TimeSpan?> RoundAsync(CancellationToken ct)
    {
        try
        {
            return await RenewOnceAsync(ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // see the summary: the renewal must outlive any one failure
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            VaultLog.RenewalFailed(logger, e.GetType().Name, settings.RenewalRetryDelay);
            return settings.RenewalRetryDelay;
        }
    }

    /// <summary>
    /// One round: acquire a lease when there is none, else renew (or log in again) as it is due. Returns the wait before
    /// the next round, or null when the token never expires.
    /// </summary>
    public async Task<TimeSpan?> RenewOnceAsync(CancellationToken ct)
    {
        var lease = vault.CurrentLease;
        try
        {
            if (lease is null)
            {
                lease = settings.UsesAppRole
                    ? await vault.LoginAsync(ct).ConfigureAwait(false)
                    : await vault.LookupSelfAsync(ct).ConfigureAwait(false);
                return Next(lease);
            }

            if (!lease.Expires)
            {
                return Next(lease);
            }

            if (!lease.Renewable)
            {
                if (settings.UsesAppRole || time.GetUtcNow() >= lease.ExpiresAt)
                {
                    return Next(await vault.LoginAsync(ct).ConfigureAwait(false));
                }

                VaultLog.StaticTokenExpiring(logger, lease.ExpiresAt);
                return Until(lease.ExpiresAt!.Value);
            }

            var renewed = await vault.RenewSelfAsync(ct).ConfigureAwait(false);
            if (renewed is null)
            {
                VaultLog.RenewalRefused(logger);
                return Next(await vault.LoginAsync(ct).ConfigureAwait(false));
            }

            var grace = Grace(lease);
            if (renewed.Duration <= grace || renewed.Duration - Sleep(renewed.Duration, grace) <= grace || renewed.ExpiresAt <= lease.ExpiresAt)
            {
                if (settings.UsesAppRole)
                {
                    VaultLog.CapReached(logger, renewed.Duration);
                    return Next(await vault.LoginAsync(ct).ConfigureAwait(false));
                }

                VaultLog.StaticTokenExpiring(logger, renewed.ExpiresAt);
                return Until(renewed.ExpiresAt!.Value);
            }

            return Next(renewed);
        }
        catch (Exception e) when (e is SecretsUnavailableException or VaultApiException)
        {
            var remaining = lease?.ExpiresAt is { } expiresAt ? expiresAt - time.GetUtcNow() : TimeSpan.MaxValue;
            var wait = remaining / 2 < settings.RenewalRetryDelay ? Max(remaining / 2, TimeSpan.FromSeconds(1)) : settings.RenewalRetryDelay;
            VaultLog.RenewalFailed(logger, e.Message, wait);
            return wait;
        }
        finally
        {
            Interlocked.Increment(ref rounds);
        }
    }

    private TimeSpan? Next(VaultTokenLease lease)
    {
        if (!lease.Expires)
        {
            VaultLog.NonExpiringToken(logger);
            return null;
        }

        var remaining = lease.ExpiresAt!.Value - time.GetUtcNow();
        return Max(Sleep(remaining, Grace(lease)), TimeSpan.Zero);
    }

    private TimeSpan Until(DateTimeOffset at) => Max(at - time.GetUtcNow(), TimeSpan.FromSeconds(1));

    /// <summary>⅔ of the remaining lease plus ⅓ of the grace.</summary>
    private static TimeSpan Sleep(TimeSpan remaining, TimeSpan grace) => (remaining * 2 / 3) + (grace / 3);

    private static TimeSpan Grace(VaultTokenLease lease) => lease.Duration * (0.1 + (Random.Shared.NextDouble() * 0.1));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
