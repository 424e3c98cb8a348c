namespace Recommender.Core.Errors;

/// <summary>
/// The secret store (Vault) is sealed, unreachable, too slow or refused our own token: nothing was read or written.
/// The message says which, never a secret value; <see cref="RetryAfter"/> is set when the store said when to come back.
/// </summary>
public sealed class SecretsUnavailableException(string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : RecommenderException(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override string Code => ErrorCodes.SecretsUnavailable;

    public override bool IsTransient => true;

    public override IReadOnlyDictionary<string, object?>? Details => RetryAfter is { } wait
        ? new Dictionary<string, object?> { ["retryAfterSeconds"] = (int)Math.Ceiling(wait.TotalSeconds) }
        : null;
}
