namespace Recommender.Core.Cloud;

/// <summary>
/// Tries credentials against the cloud with one harmless signed read (Alibaba: <c>DescribeRegions</c>) before they are
/// stored, so a typo is reported at once with the vendor's own code rather than at the first provisioning.
/// </summary>
public interface ICredentialCheck
{
    /// <summary>
    /// Returns normally when the cloud accepted the credentials; throws <see cref="Errors.CloudApiException"/> with the
    /// vendor code when it refused them or could not be asked.
    /// </summary>
    Task CheckAsync(CloudCredentials credentials, string? region, CancellationToken ct);
}
