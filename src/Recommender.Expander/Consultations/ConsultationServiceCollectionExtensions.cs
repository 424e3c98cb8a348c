using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Core.Consultations;
using Recommender.Expander.Grpc;

namespace Recommender.Expander.Consultations;

public static class ConsultationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ConsultationOptions"/> (section <c>Consultations</c>) and registers the decision log: the
    /// <see cref="IConsultationLog"/> registered before (Redis, by the composition root) or else
    /// <see cref="InMemoryConsultationLog"/>, and <see cref="ConsultationRecorder"/> (also the expander's
    /// <see cref="IExpanderConsultations"/>).
    /// </summary>
    public static IServiceCollection AddConsultations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConsultationOptions>()
            .Bind(configuration.GetSection(ConsultationOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "Consultations:Retention must be positive.")
            .Validate(o => o.MaxInMemory >= 1, "Consultations:MaxInMemory must be at least 1.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ExpanderCluster), "Consultations:ExpanderCluster must not be empty.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConsultationLog>(sp => new InMemoryConsultationLog(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<ConsultationOptions>>().Value.MaxInMemory));
        services.TryAddSingleton<ConsultationRecorder>();
        services.TryAddSingleton<IExpanderConsultations>(sp => sp.GetRequiredService<ConsultationRecorder>());
        return services;
    }
}
