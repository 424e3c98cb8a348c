using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;

namespace Recommender.Expander.Hosting;

/// <summary>
/// The expander's health for gRPC health checking: Healthy with prices for the provider, Degraded without (it still
/// answers, with every option). Both are SERVING: the expander never stops answering CA.
/// </summary>
public sealed class ExpanderHealthCheck(ICatalog catalog, IOptions<ExpanderOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider;
        var regions = catalog.Current.Regions.Count(r => string.Equals(r.Provider, provider, StringComparison.Ordinal));
        return Task.FromResult(regions > 0
            ? HealthCheckResult.Healthy($"{regions} {provider} regions priced")
            : HealthCheckResult.Degraded($"no {provider} prices in the catalog: every option is returned unfiltered"));
    }
}
