namespace Recommender.Core.Errors;

/// <summary>
/// A cloud provider API call failed. Vendor codes are classified once, at the vendor edge (e.g. the Alibaba OpenAPI
/// client), into <see cref="IsTransient"/>; callers never look at <see cref="VendorCode"/> text to decide anything but
/// diagnostics. Client-side failures (timeouts, malformed bodies, inconsistent data) use <c>Client.*</c> vendor codes.
/// </summary>
public sealed class CloudApiException(
    string vendorCode,
    string message,
    string? requestId = null,
    int? httpStatus = null,
    bool isTransient = false,
    TimeSpan? retryAfter = null,
    Exception? inner = null)
    : RecommenderException($"{vendorCode}: {message}", inner)
{
    /// <summary>The <c>extensions.code</c> of every cloud API failure.</summary>
    public const string ErrorCode = "CLOUD_API_ERROR";

    /// <summary>The provider's error code, e.g. <c>Throttling.User</c>, or a <c>Client.*</c> code of ours.</summary>
    public string VendorCode { get; } = vendorCode;

    public string? RequestId { get; } = requestId;

    /// <summary>HTTP status of the failed response; null when no response arrived.</summary>
    public int? HttpStatus { get; } = httpStatus;

    /// <summary>How long the provider asked us to wait (x-ratelimit TimeLeft), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override string Code => ErrorCode;

    public override bool IsTransient { get; } = isTransient;
}
