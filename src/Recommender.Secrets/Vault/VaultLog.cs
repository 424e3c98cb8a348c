using Microsoft.Extensions.Logging;

namespace Recommender.Secrets.Vault;

/// <summary>
/// Every log line of the Vault client, store and renewal. Arguments are operations, paths (organisation and secret ids,
/// never names or values), statuses and redacted Vault <c>errors</c> (<see cref="VaultErrorText"/>); never a body or a token.
/// </summary>
internal static partial class VaultLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Vault {Operation} {Path}: attempt {Attempt} of {MaxAttempts} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, string path, int attempt, int maxAttempts, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vault {Operation} {Path} gave up: {Reason}")]
    public static partial void GaveUp(ILogger logger, string operation, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Vault refused the token on {Operation} {Path} (HTTP 403); authenticating again and retrying once")]
    public static partial void Reauthenticating(ILogger logger, string operation, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vault login by {Method} succeeded: lease {Lease}, renewable {Renewable}")]
    public static partial void LoggedIn(ILogger logger, string method, TimeSpan lease, bool renewable);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Vault token renewed: lease {Lease}, expires at {ExpiresAt}")]
    public static partial void Renewed(ILogger logger, TimeSpan lease, DateTimeOffset? expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Vault token reached its maximum TTL (renewal gave {Lease}); logging in again")]
    public static partial void CapReached(ILogger logger, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vault refused to renew the token; logging in again")]
    public static partial void RenewalRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The static Vault token cannot be renewed any further and expires at {ExpiresAt}; replace it "
        + "(Secrets:Vault:TokenFile is re-read when Vault refuses it)")]
    public static partial void StaticTokenExpiring(ILogger logger, DateTimeOffset? expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Vault token does not expire; no renewal needed")]
    public static partial void NonExpiringToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vault token renewal or login failed ({Reason}); trying again in {Delay}")]
    public static partial void RenewalFailed(ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {Organization}/{Id}: its metadata mirror {Problem}; repairing it from the data")]
    public static partial void RepairingMirror(ILogger logger, string organization, string id, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {Organization}/{Id} is not a secret this service can read ({Problem}); skipped")]
    public static partial void UnreadableSecret(ILogger logger, string organization, string id, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Secret {Organization}/{Id}: version {Version} is written but its metadata mirror is not ({Reason}); the next read repairs it")]
    public static partial void MirrorWriteFailed(ILogger logger, string organization, string id, long version, string reason);
}
