namespace Recommender.Core.Cloud;

/// <summary>
/// Where cloud credentials come from: configuration today, Vault once provisioning lands. Callers fetch per use and
/// never cache beyond <see cref="CloudCredentials.ExpiresAt"/>.
/// </summary>
public interface ICredentialSource
{
    /// <summary>Credentials for <paramref name="accountRef"/>, or null when none are configured.</summary>
    Task<CloudCredentials?> GetAsync(string accountRef, CancellationToken ct);
}
