using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Api.Catalog;
using Recommender.Core.Recommendations;
using Recommender.Redis;
using Recommender.Solver;
using StackExchange.Redis;

namespace Recommender.Api.Recommendations;

public static class RecommendationServiceCollectionExtensions
{
    /// <summary>Configuration section of <see cref="SolverOptions"/> (TimeLimit, Workers, RandomSeed, ...).</summary>
    public const string SolverSection = "Solver";

    /// <summary>Prefix of the recommendation keys in Redis (default <see cref="RedisRecommendationStore.DefaultKeyPrefix"/>).</summary>
    public const string RedisKeyPrefixKey = "Recommendations:RedisKeyPrefix";

    /// <summary>
    /// Registers the CP-SAT <see cref="IRecommender"/> (options from section Solver; defaults are SolverOptions'),
    /// the recommendation store within its quota (Redis when <c>Redis:Configuration</c> is set, sharing the catalog's
    /// connection; else in memory), <see cref="RecommendationService"/> (options from section Recommendations) and the
    /// solver warm-up.
    /// </summary>
    public static IServiceCollection AddRecommendations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var redis = configuration[CatalogServiceCollectionExtensions.RedisConfigurationKey];
        var useRedis = !string.IsNullOrWhiteSpace(redis);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RecommendationOptions>()
            .Bind(configuration.GetSection(RecommendationOptions.Section))
            .Validate(o => o.Retention > TimeSpan.Zero, "Recommendations:Retention must be positive.")
            .Validate(o => o.MaxConcurrentSolves >= 1, "Recommendations:MaxConcurrentSolves must be at least 1.")
            .Validate(o => o.QueueTimeout >= TimeSpan.Zero, "Recommendations:QueueTimeout must not be negative.")
            .Validate(o => o.MaxStored is null or >= 1, "Recommendations:MaxStored must be at least 1.")
            .Validate(o => o.MaxStoredPerCaller >= 1, "Recommendations:MaxStoredPerCaller must be at least 1.")
            .Validate(
                o => o.MaxStoredPerCaller <= o.TotalFor(useRedis),
                "Recommendations:MaxStoredPerCaller must not exceed Recommendations:MaxStored (the total over every caller).")
            .ValidateOnStart();

        var solver = SolverOptionsFrom(configuration.GetSection(SolverSection));
        services.TryAddSingleton<IRecommender>(sp => new CpSatRecommender(solver, sp.GetRequiredService<TimeProvider>()));

        if (useRedis)
        {
            var prefix = configuration[RedisKeyPrefixKey] ?? RedisRecommendationStore.DefaultKeyPrefix;
            services.TryAddSingleton<IConnectionMultiplexer>(_ => RedisConnections.Connect(redis!));
            services.TryAddSingleton<IRecommendationStore>(sp => new RedisRecommendationStore(
                sp.GetRequiredService<IConnectionMultiplexer>(),
                sp.GetRequiredService<TimeProvider>(),
                prefix,
                sp.GetRequiredService<IOptions<RecommendationOptions>>().Value.QuotaFor(redis: true)));
        }
        else
        {
            services.TryAddSingleton(sp => new InMemoryRecommendationStore(
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<RecommendationOptions>>().Value.QuotaFor(redis: false)));
            services.TryAddSingleton<IRecommendationStore>(sp => sp.GetRequiredService<InMemoryRecommendationStore>());
        }

        services.TryAddSingleton<RecommendationService>();
        services.AddHttpContextAccessor();
        services.AddHostedService<SolverWarmUpService>();
        return services;
    }

    /// <summary>Solver options from configuration; a value that is not set keeps the service default.</summary>
    public static SolverOptions SolverOptionsFrom(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        // SolverOptions' own defaults (1 worker: measured to prove more answers optimal than 2 within the limit; the
        // service parallelises across requests instead, see Recommendations:MaxConcurrentSolves).
        var options = new SolverOptions();
        section.Bind(options);
        // Checked here, not at the first request: CP-SAT aborts the process on parameter text it cannot parse.
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(SolverSection, typeof(SolverOptions), [.. problems.Select(p => $"{SolverSection}:{p}")]);
        }

        return options;
    }
}
