namespace Recommender.Secrets.Vault;

/// <summary>
/// What is known about the client's current token, never the token itself. <see cref="Duration"/> is the lease granted
/// by the last login, lookup or renewal; <see cref="ExpiresAt"/> is null for a token that does not expire (root).
/// </summary>
public sealed record VaultTokenLease(TimeSpan Duration, bool Renewable, DateTimeOffset? ExpiresAt, DateTimeOffset ObtainedAt)
{
    public bool Expires => ExpiresAt is not null;
}
