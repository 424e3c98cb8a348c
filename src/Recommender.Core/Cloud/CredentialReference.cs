namespace Recommender.Core.Cloud;

/// <summary>
/// Names one set of cloud credentials without holding them: the service's own account (<see cref="Organization"/>
/// null, <see cref="Name"/> an account name from configuration), or a secret an organisation stored
/// (<see cref="Organization"/> and the secret's id). Safe to log, store and put in operations.
/// </summary>
public sealed record CredentialReference
{
    private CredentialReference(string? organization, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Organization = organization;
        Name = name;
    }

    /// <summary>The owning organisation; null for the service's own account.</summary>
    public string? Organization { get; }

    /// <summary>The account name (service) or the secret id (organisation).</summary>
    public string Name { get; }

    public static CredentialReference Service(string account) => new(null, account);

    public static CredentialReference OfOrganization(string organization, string secretId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organization);
        return new CredentialReference(organization, secretId);
    }

    public override string ToString() => Organization is null ? $"service account '{Name}'" : $"secret '{Name}' of organisation '{Organization}'";
}
