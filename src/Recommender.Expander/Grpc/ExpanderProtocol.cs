using Google.Protobuf;
using Grpc.Core;

namespace Recommender.Expander.Grpc;

/// <summary>
/// The one RPC of the protocol, <c>/grpcplugin.Expander/BestOptions</c>, with marshallers of our own: a request that is
/// not a <see cref="BestOptionsRequest"/> fails with INVALID_ARGUMENT (the generated marshaller would make it UNKNOWN).
/// </summary>
public static class ExpanderProtocol
{
    public const string ServiceName = "grpcplugin.Expander";
    public const string MethodName = "BestOptions";

    public static readonly Marshaller<BestOptionsRequest> RequestMarshaller = Marshallers.Create(
        (message, context) => Write(message, context),
        context => Read(context));

    public static readonly Marshaller<BestOptionsResponse> ResponseMarshaller = Marshallers.Create(
        (message, context) => Write(message, context),
        context => BestOptionsResponse.Parser.ParseFrom(context.PayloadAsReadOnlySequence()));

    public static readonly Method<BestOptionsRequest, BestOptionsResponse> BestOptions =
        new(MethodType.Unary, ServiceName, MethodName, RequestMarshaller, ResponseMarshaller);

    private static BestOptionsRequest Read(DeserializationContext context)
    {
        try
        {
            return BestOptionsRequest.Parser.ParseFrom(context.PayloadAsReadOnlySequence());
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a grpcplugin.BestOptionsRequest: {e.Message}"));
        }
    }

    private static void Write<T>(T message, SerializationContext context)
        where T : IMessage<T>, IBufferMessage
    {
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }
}
