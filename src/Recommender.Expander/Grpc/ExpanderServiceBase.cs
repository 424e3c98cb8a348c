using Grpc.Core;

namespace Recommender.Expander.Grpc;

/// <summary>
/// The <c>grpcplugin.Expander</c> service definition, bound by hand so the request marshaller is
/// <see cref="ExpanderProtocol"/>'s. Grpc.AspNetCore binds the virtual methods declared here to the derived service.
/// </summary>
[BindServiceMethod(typeof(ExpanderServiceBase), nameof(BindService))]
public abstract class ExpanderServiceBase
{
    /// <summary>Called by Grpc.AspNetCore with a null <paramref name="service"/>: it only needs the method and its name.</summary>
    public static void BindService(ServiceBinderBase binder, ExpanderServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(ExpanderProtocol.BestOptions, service is null ? null : service.BestOptions);
    }

    /// <summary>The RPC (its name is the protocol's, hence no Async suffix).</summary>
    public virtual Task<BestOptionsResponse> BestOptions(BestOptionsRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, ""));
}
