using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Alibaba.Catalog;
using Recommender.Alibaba.Cs;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba;

public static class AlibabaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AlibabaCloudProvider"/> as <see cref="ICloudProvider"/>, the signed OpenAPI client, the ECS and
    /// CS clients and, unless another is registered, <see cref="ConfigurationCredentialSource"/>. The typed HttpClient
    /// deliberately has no standard resilience handler: <see cref="OpenApiClient"/> owns retries (by vendor code,
    /// honouring TimeLeft, re-signing each attempt), timeouts and rate limits, and a second policy would multiply attempts
    /// and reuse signatures.
    /// </summary>
    public static IServiceCollection AddAlibaba(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AlibabaOptions>()
            .Bind(configuration.GetSection(AlibabaOptions.SectionName))
            .Validate(o => o.Endpoints.ContainsKey(EcsClient.Product), "Alibaba:Endpoints:Ecs is required.")
            .Validate(o => o.MaxAttempts >= 1 && o.MaxParallelCallsPerRegion >= 1, "Alibaba:MaxAttempts and MaxParallelCallsPerRegion must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICredentialSource>(_ => new ConfigurationCredentialSource(configuration));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AlibabaOptions>>().Value;
            return new ApiRateLimiter(sp.GetRequiredService<TimeProvider>(), o.CallsPerSecondPerApi);
        });
        services.TryAddSingleton<OnDemandPriceCache>();
        // The per-attempt timeout lives in OpenApiClient (on the injected clock), so HttpClient's own is switched off.
        // RemoveAllResilienceHandlers also undoes a host-wide ConfigureHttpClientDefaults(AddStandardResilienceHandler);
        // it is marked experimental (EXTEXP0001) but is the supported way to opt one client out.
#pragma warning disable EXTEXP0001
        services.AddHttpClient<OpenApiClient>(c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddHttpClient<PublicPriceSource>(c => c.Timeout = TimeSpan.FromMinutes(2));
        services.TryAddTransient<EcsClient>();
        services.TryAddTransient<CsClient>();
        services.TryAddSingleton<AlibabaCloudProvider>();
        services.TryAddTransient<ICredentialCheck, AlibabaCredentialCheck>();
        services.AddSingleton<ICloudProvider>(sp => sp.GetRequiredService<AlibabaCloudProvider>());
        return services;
    }
}
