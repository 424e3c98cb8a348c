namespace Recommender.Secrets;

/// <summary>Settings bound from the <c>Secrets</c> configuration section.</summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    /// <summary>
    /// Where the service's own account (the scrapers') comes from when not from configuration: a secret of type
    /// ALIBABA stored under this organisation and name. Both null: configuration (<c>Alibaba:AccessKeyId</c>…).
    /// </summary>
    public string? ServiceAccountOrganization { get; set; }

    /// <inheritdoc cref="ServiceAccountOrganization"/>
    public string? ServiceAccountSecretName { get; set; }

    /// <summary>
    /// How long credentials read from the store are reused by the signer. Short, because a rotated key should be used
    /// within a minute, but long enough that a catalog refresh (hundreds of signed calls) reads the store once.
    /// Updates and deletes through this service drop the cached entry at once. Zero: read the store on every call.
    /// </summary>
    public TimeSpan CredentialCacheTime { get; set; } = TimeSpan.FromSeconds(60);
}
