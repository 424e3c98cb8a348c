using Recommender.Api.Operations;
using Recommender.Expander;
using Recommender.Expander.Hosting;

namespace Recommender.Api.Expander;

/// <summary>Hosts the cluster-autoscaler gRPC expander on its own port of the same Kestrel server, when enabled.</summary>
public static class ExpanderHostingExtensions
{
    /// <summary>
    /// Registers the expander (<see cref="ExpanderServiceCollectionExtensions.AddExpander"/>) and, when
    /// <c>Expander:Enabled</c>, adds its TLS HTTP/2 endpoint. Endpoints set in code make Kestrel drop <c>--urls</c> and
    /// the port settings, so the API's own addresses (the same ones, default 127.0.0.1:8080) are listened on here too.
    /// Call after <see cref="OperationsExtensions.AddOperations"/>.
    /// </summary>
    public static WebApplicationBuilder AddExpander(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddExpander(builder.Configuration);
        var options = builder.Configuration.GetSection(ExpanderOptions.SectionName).Get<ExpanderOptions>() ?? new ExpanderOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        var addresses = HostingAddresses.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            HostingAddresses.Listen(kestrel, addresses);
            kestrel.ListenExpander(options);
        });
        return builder;
    }
}
