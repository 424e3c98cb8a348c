namespace Recommender.Secrets.Vault;

/// <summary>
/// Vault's <c>sys/health</c> answer (contract §9): <see cref="IsReady"/> when initialised, unsealed and active (or a
/// standby, which forwards). <see cref="StatusCode"/> is the HTTP status, 0 when Vault could not be reached.
/// </summary>
public sealed record VaultHealth(int StatusCode, bool Initialized, bool Sealed, bool Standby, string? Version)
{
    public bool IsReady => (StatusCode is 200 or 429 or 473) && Initialized && !Sealed;
}
