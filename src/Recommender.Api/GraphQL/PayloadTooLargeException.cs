namespace Recommender.Api.GraphQL;

/// <summary>Thrown by <see cref="SizeLimitedStream"/>; never leaves the endpoint.</summary>
internal sealed class PayloadTooLargeException : Exception
{
    public PayloadTooLargeException()
        : base("Request body exceeds the limit.")
    {
    }
}
