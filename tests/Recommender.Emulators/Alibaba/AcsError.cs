namespace Recommender.Emulators.Alibaba;

/// <summary>
/// An error answer with the gateway's code, status and message (contract §4.5), thrown inside the emulator. On CS paths
/// the gateway's own errors (signature, key, throttling, unknown API) keep the gateway shape; only
/// <see cref="Business"/> errors get CS's lower-case <c>{code, message, requestId, status}</c> (contract §6).
/// </summary>
public sealed class AcsError(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = code;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    /// <summary>Answered instead of the emulator's own request id (a faulty upstream's, see <see cref="ActionFaults.EchoRequestNext"/>).</summary>
    public string? RequestId { get; init; }

    /// <summary>Raised by a CS API itself (validation, state, not found), not by the gateway in front of it.</summary>
    public bool Business { get; init; }

    /// <summary>Codes that only the gateway answers, whatever the product: such errors keep the gateway shape on CS paths.</summary>
    public static bool IsGatewayCode(string code) =>
        code.StartsWith("Throttling", StringComparison.Ordinal) || code.StartsWith("InvalidAccessKeyId", StringComparison.Ordinal)
        || code.StartsWith("InvalidTimeStamp", StringComparison.Ordinal) || code.StartsWith("Forbidden", StringComparison.Ordinal)
        || code is "Rejected.Throttling" or "SignatureDoesNotMatch" or "IncompleteSignature" or "SignatureNonceUsed" or "InvalidSignatureMethod"
            or "InvalidApi.NotFound" or "InvalidAction.NotFound" or "InternalError" or "ServiceUnavailable" or "ContentSHA256NotMatched";

    public static AcsError IncompleteSignature(string why) => new(400, "IncompleteSignature", $"The request signature does not conform to Aliyun standards. {why}");

    public static AcsError SignatureDoesNotMatch(string stringToSign) =>
        new(400, "SignatureDoesNotMatch", $"Specified signature is not matched with our calculation. server string to sign is:{stringToSign}");

    public static AcsError KeyNotFound() => new(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

    public static AcsError TimestampExpired() => new(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");

    public static AcsError TimestampFormat() => new(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");

    public static AcsError NonceUsed() => new(400, "SignatureNonceUsed", "Specified signature nonce was used already.");

    public static AcsError Missing(string name) => new(400, $"Missing{name}", $"{name} is mandatory for this action.");

    public static AcsError RegionNotFound() => new(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");

    public static AcsError ApiNotFound() => new(404, "InvalidApi.NotFound", "Specified api is not found, please check your url and method.");
}
