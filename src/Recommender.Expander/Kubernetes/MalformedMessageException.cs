namespace Recommender.Expander.Kubernetes;

/// <summary>Bytes that parse as protobuf fields but cannot be a message (a nested length that runs past its parent).</summary>
public sealed class MalformedMessageException : Exception
{
    public MalformedMessageException()
    {
    }

    public MalformedMessageException(string message)
        : base(message)
    {
    }

    public MalformedMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
