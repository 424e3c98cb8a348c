using System.Collections.Frozen;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// The one place where Alibaba error codes are classified (contract §4.5 and §6). Codes only, never message text.
/// </summary>
public static class AlibabaErrorCodes
{
    public const string Throttling = "Throttling";
    public const string ThrottlingUser = "Throttling.User";
    public const string ThrottlingApi = "Throttling.Api";
    public const string RejectedThrottling = "Rejected.Throttling";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string InternalError = "InternalError";
    public const string SignatureNonceUsed = "SignatureNonceUsed";
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";
    public const string IncompleteSignature = "IncompleteSignature";
    public const string AccessKeyNotFound = "InvalidAccessKeyId.NotFound";
    public const string TimestampExpired = "InvalidTimeStamp.Expired";
    public const string TimestampFormat = "InvalidTimeStamp.Format";
    public const string InvalidRegionId = "InvalidRegionId.NotFound";

    /// <summary>Client-side: an attempt ran over <see cref="AlibabaOptions.AttemptTimeout"/> (the SDKs' name).</summary>
    public const string ClientTimeout = "Client.Timeout";

    /// <summary>Client-side: the connection failed before an answer.</summary>
    public const string ClientConnection = "Client.Connection";

    /// <summary>Client-side: the body is not the JSON the API documents (truncated, wrong types, not JSON).</summary>
    public const string ClientMalformedResponse = "Client.MalformedResponse";

    /// <summary>Client-side: a paginated API handed back a page token it had already given (endless paging).</summary>
    public const string ClientPageTokenLoop = "Client.PageTokenLoop";

    /// <summary>Client-side: answers contradict each other or the built catalog fails validation.</summary>
    public const string ClientInconsistentData = "Client.InconsistentData";

    /// <summary>Client-side: no credentials are configured for the account.</summary>
    public const string ClientNoCredentials = "Client.NoCredentials";

    public static readonly FrozenSet<string> ThrottlingCodes =
        FrozenSet.ToFrozenSet([Throttling, ThrottlingUser, ThrottlingApi, RejectedThrottling], StringComparer.Ordinal);

    private static readonly FrozenSet<string> RetryableCodes =
        FrozenSet.ToFrozenSet([.. ThrottlingCodes, ServiceUnavailable, InternalError, ClientTimeout, ClientConnection], StringComparer.Ordinal);

    private static readonly FrozenSet<int> RetryableStatuses = FrozenSet.ToFrozenSet([408, 429, 500, 502, 503, 504]);

    /// <summary>Failures that the same request may survive later (what <c>IsTransient</c> reports).</summary>
    public static bool IsTransient(string code, int? status) =>
        RetryableCodes.Contains(code) || string.Equals(code, SignatureNonceUsed, StringComparison.Ordinal)
        || string.Equals(code, ClientMalformedResponse, StringComparison.Ordinal)
        || (status is { } s && RetryableStatuses.Contains(s));

    /// <summary>
    /// Whether the client retries at once (re-signed). A nonce clash gets one retry only (see <see cref="OpenApiClient"/>);
    /// a malformed body is transient but not retried, as it usually means a broken gateway, not a blip.
    /// </summary>
    public static bool IsRetryable(string code, int? status) =>
        RetryableCodes.Contains(code) || string.Equals(code, SignatureNonceUsed, StringComparison.Ordinal)
        || (status is { } s && RetryableStatuses.Contains(s));

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);
}
