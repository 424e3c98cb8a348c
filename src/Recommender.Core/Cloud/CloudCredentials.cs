namespace Recommender.Core.Cloud;

/// <summary>An access key pair, optionally short-lived (STS token with an expiry).</summary>
public sealed record CloudCredentials(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null, DateTimeOffset? ExpiresAt = null)
{
    /// <summary>Never print the secret.</summary>
    public override string ToString() => $"CloudCredentials {{ AccessKeyId = {AccessKeyId}, ExpiresAt = {ExpiresAt} }}";
}
