namespace Recommender.Emulators.Alibaba;

/// <summary>An error answer with the gateway's code, status and message (contract §4.5), thrown inside the emulator.</summary>
public sealed class AcsError(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = code;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    /// <summary>Answered instead of the emulator's own request id (a faulty upstream's, see <see cref="ActionFaults.EchoRequestNext"/>).</summary>
    public string? RequestId { get; init; }

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
