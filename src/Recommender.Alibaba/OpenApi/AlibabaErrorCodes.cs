using System.Collections.Frozen;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// The one place where Alibaba error codes are classified (contract §4.5 and §6), ECS and CS alike. Codes only, never
/// message text. Three kinds: retried at once by <see cref="OpenApiClient"/> (throttling, server errors); transient but
/// left to the caller, because the state that caused them takes minutes to change (a cluster busy updating, a delete
/// blocked by dependent resources); permanent (quota, balance, access, not found, bad parameters).
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
    public const string MissingParameter = "MissingParameter";
    public const string InvalidParameter = "InvalidParameter";
    public const string ForbiddenRam = "Forbidden.RAM";

    /// <summary>CS: no cluster with that id (404).</summary>
    public const string ClusterNotFound = "ErrorClusterNotFound";

    /// <summary>CS: no node pool with that id (404).</summary>
    public const string NodePoolNotFound = "ErrorNodePoolNotFound";

    /// <summary>CS: RAM denied the operation (403).</summary>
    public const string CheckAcl = "ErrorCheckAcl";

    /// <summary>CS: the cluster's state does not allow the operation now (400).</summary>
    public const string ClusterState = "ErrorClusterState";

    public const string QueryCluster = "ErrorQueryCluster";
    public const string QuotaExceededCluster = "QuotaExceeded.Cluster";
    public const string QuotaExceededNode = "QuotaExceeded.Node";
    public const string InsufficientBalance = "InsufficientBalance";

    /// <summary>CS delete: dependent resources still exist; Terraform retries the delete later.</summary>
    public const string DependencyViolation = "DependencyViolation.Resource";

    /// <summary>CS throttling, seen as a message and retried by Terraform; treated as a code when it comes as one.</summary>
    public const string QpsLimitExceeded = "QPS Limit Exceeded";

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
        FrozenSet.ToFrozenSet([Throttling, ThrottlingUser, ThrottlingApi, RejectedThrottling, QpsLimitExceeded], StringComparer.Ordinal);

    /// <summary>The thing named does not exist (any more): a deleted cluster or pool, an unknown task.</summary>
    public static readonly FrozenSet<string> NotFoundCodes =
        FrozenSet.ToFrozenSet([ClusterNotFound, NodePoolNotFound, "ErrorTaskNotFound", InvalidRegionId], StringComparer.Ordinal);

    /// <summary>Transient, but not worth an immediate retry: the cluster or its dependents must change first.</summary>
    private static readonly FrozenSet<string> WaitAndRetryCodes = FrozenSet.ToFrozenSet([ClusterState, DependencyViolation], StringComparer.Ordinal);

    private static readonly FrozenSet<string> AccessDeniedCodes = FrozenSet.ToFrozenSet([CheckAcl, ForbiddenRam, "Forbidden.RiskControl"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> RetryableCodes =
        FrozenSet.ToFrozenSet([.. ThrottlingCodes, ServiceUnavailable, InternalError, ClientTimeout, ClientConnection], StringComparer.Ordinal);

    private static readonly FrozenSet<int> RetryableStatuses = FrozenSet.ToFrozenSet([408, 429, 500, 502, 503, 504]);

    /// <summary>Failures that the same request may survive later (what <c>IsTransient</c> reports).</summary>
    public static bool IsTransient(string code, int? status) =>
        RetryableCodes.Contains(code) || string.Equals(code, SignatureNonceUsed, StringComparison.Ordinal)
        || string.Equals(code, ClientMalformedResponse, StringComparison.Ordinal)
        || WaitAndRetryCodes.Contains(code)
        || (status is { } s && RetryableStatuses.Contains(s));

    /// <summary>
    /// Whether the client retries at once (re-signed). A nonce clash gets one retry only (see <see cref="OpenApiClient"/>);
    /// a malformed body is transient but not retried, as it usually means a broken gateway, not a blip.
    /// </summary>
    public static bool IsRetryable(string code, int? status) =>
        RetryableCodes.Contains(code) || string.Equals(code, SignatureNonceUsed, StringComparison.Ordinal)
        || (status is { } s && RetryableStatuses.Contains(s));

    public static bool IsThrottling(string code) => ThrottlingCodes.Contains(code);

    public static bool IsNotFound(string code) => NotFoundCodes.Contains(code);

    /// <summary>An account limit (<c>QuotaExceeded.*</c>, older <c>QuotaExceed.*</c>) or an empty balance: permanent until someone acts.</summary>
    public static bool IsQuotaOrBalance(string code) =>
        code.StartsWith("QuotaExceeded.", StringComparison.Ordinal) || code.StartsWith("QuotaExceed.", StringComparison.Ordinal)
        || string.Equals(code, InsufficientBalance, StringComparison.Ordinal);

    /// <summary>The credentials are valid but may not do this (RAM).</summary>
    public static bool IsAccessDenied(string code) => AccessDeniedCodes.Contains(code);
}
