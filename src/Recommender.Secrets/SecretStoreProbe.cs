using Recommender.Secrets.Vault;

namespace Recommender.Secrets;

/// <summary>
/// Asks the secret store whether it can serve (Vault's <c>sys/health</c>: unsealed, initialised, reachable), at most
/// once per <see cref="CheckEvery"/> however often readiness is probed, and within <see cref="Timeout"/>.
/// </summary>
public sealed class SecretStoreProbe(TimeProvider time, IVaultClient? vault = null)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private SecretStoreReport? last;

    public async Task<SecretStoreReport> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (vault is null)
        {
            return new SecretStoreReport("memory", true, null, now);
        }

        if (last is { } known && now - known.CheckedAt < CheckEvery)
        {
            return known;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        SecretStoreReport report;
        try
        {
            var health = await vault.GetHealthAsync(limit.Token).ConfigureAwait(false);
            report = new SecretStoreReport("vault", health.IsReady, health switch
            {
                { IsReady: true } => null,
                { StatusCode: 0 } => "Vault is unreachable.",
                { Sealed: true } => "Vault is sealed.",
                { Initialized: false } => "Vault is not initialised.",
                _ => $"Vault's sys/health answered HTTP {health.StatusCode}.",
            }, now);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            report = new SecretStoreReport("vault", false, $"Vault did not answer sys/health within {Timeout.TotalSeconds:0} s.", now);
        }

        last = report;
        return report;
    }
}
