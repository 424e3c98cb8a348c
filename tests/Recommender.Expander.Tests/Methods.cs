using Google.Protobuf;
using Grpc.Core;
using Recommender.Expander.Grpc;

namespace Recommender.Expander.Tests;

/// <summary><c>/grpcplugin.Expander/BestOptions</c> with other request types: a CA generation's messages, or raw bytes.</summary>
public static class Methods
{
    public static Method<TRequest, TResponse> BestOptions<TRequest, TResponse>(MessageParser<TResponse> responseParser)
        where TRequest : class, IMessage
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, ExpanderProtocol.ServiceName, ExpanderProtocol.MethodName,
            Marshallers.Create<TRequest>(m => m.ToByteArray(), _ => throw new NotSupportedException()),
            Marshallers.Create(m => m.ToByteArray(), responseParser.ParseFrom));

    public static readonly Method<byte[], BestOptionsResponse> RawBestOptions = new(
        MethodType.Unary, ExpanderProtocol.ServiceName, ExpanderProtocol.MethodName,
        Marshallers.Create<byte[]>(b => b, b => b),
        Marshallers.Create(m => m.ToByteArray(), BestOptionsResponse.Parser.ParseFrom));
}
