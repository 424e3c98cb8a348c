using GraphQL;

namespace Recommender.Api.GraphQL;

/// <summary>A request-level error found by the HTTP transport before execution, with the status code it implies.</summary>
public sealed class TransportError : ExecutionError
{
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string BatchNotSupported = "BATCH_NOT_SUPPORTED";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "NOT_ACCEPTABLE";
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string RequestTimeout = "REQUEST_TIMEOUT";

    public TransportError(int statusCode, string code, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
    }

    public int StatusCode { get; }
}
