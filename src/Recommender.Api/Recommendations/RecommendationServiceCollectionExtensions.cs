using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Recommender.Api.Catalog;
using Recommender.Core.Consultations;
using Recommender.Core.Recommendations;
using Recommender.Expander.ScaleOut;
using Recommender.Redis;
using Recommender.Solver;
using StackExchange.Redis;

namespace Recommender.Api.Recommendations;

public static class RecommendationServiceCollectionExtensions
{
    /// <summary>
    /// Configuration section of <see cref="SolverOptions"/> (TimeLimit, Workers, RandomSeed, ...) and of
    /// <see cref="ProofOptions"/> (AnswerWithin, BackgroundWorkers, BackgroundQueueLength; the same TimeLimit).
    /// </summary>
    public const string SolverSection = "Solver";

    /// <summary>Prefix of the recommendation keys in Redis (default <see cref="RedisRecommendationStore.DefaultKeyPrefix"/>).</summary>
    public const string RedisKeyPrefixKey = "Recommendations:RedisKeyPrefix";

    /// <summary><see cref="RecommendationStoreHealth.Kind"/> of the Redis store.</summary>
    public const string RedisStoreKind = "redis";

    /// <summary>Longest pause of the pending writer between two looks at the buffer.</summary>
    private static readonly TimeSpan PendingWritePeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Registers the CP-SAT <see cref="IRecommender"/> (options from section Solver; defaults are SolverOptions'),
    /// the recommendation store (Redis when <c>Redis:Configuration</c> is set, sharing the catalog's connection, behind
    /// a timeout, a circuit breaker and a local buffer written back by <see cref="PendingRecommendationWriter"/>; else
    /// in memory), its <see cref="IRecommendationStoreStatus"/>, <see cref="RecommendationMetrics"/>,
    /// <see cref="RecommendationService"/> (options from section Recommendations) and the solver warm-up.
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
            .Validate(o => o.StoreTimeout > TimeSpan.Zero, "Recommendations:StoreTimeout must be positive.")
            .Validate(o => o.StoreBreakerFailures >= 1, "Recommendations:StoreBreakerFailures must be at least 1.")
            .Validate(o => o.StoreBreakerDelay > TimeSpan.Zero, "Recommendations:StoreBreakerDelay must be positive.")
            .ValidateOnStart();

        var solver = SolverOptionsFrom(configuration.GetSection(SolverSection));
        var proof = ProofOptionsFrom(configuration.GetSection(SolverSection));
        services.TryAddSingleton(proof);
        services.TryAddSingleton(sp => new BackgroundProofQueue(sp.GetRequiredService<ProofOptions>()));
        services.TryAddSingleton<BackgroundProofWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundProofWorker>());
        services.TryAddSingleton<IRecommender>(sp => new CpSatRecommender(solver, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CpSatRecommender>>()));
        // Every caller of the solver goes through one slot limit, whichever IRecommender is registered; the scale-out's
        // own model queues for the same slots (SolverSlots).
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<RecommendationOptions>>().Value;
            return new SlotLimitedRecommender(sp.GetRequiredService<IRecommender>(), o.MaxConcurrentSolves, o.QueueTimeout,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RecommendationMetrics>());
        });
        services.TryAddSingleton(sp => new SolverSlots(sp.GetRequiredService<SlotLimitedRecommender>()));
        services.TryAddSingleton(_ => new ScaleOutSolver(solver.TimeLimit, solver.Workers, solver.RandomSeed, proof.ScaleOutWithin));
        services.TryAddSingleton<ScaleOutService>();

        if (useRedis)
        {
            AddRedisStore(services, configuration, redis!);
            // The decision log lives in the recommendation store's backend (AddConsultations keeps this one).
            services.TryAddSingleton<IConsultationLog>(sp => new RedisConsultationLog(
                sp.GetRequiredService<IConnectionMultiplexer>(),
                sp.GetRequiredService<TimeProvider>(),
                configuration["Consultations:RedisKeyPrefix"] ?? RedisConsultationLog.DefaultKeyPrefix));
        }
        else
        {
            services.TryAddSingleton(sp => new InMemoryRecommendationStore(
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IOptions<RecommendationOptions>>().Value.QuotaFor(redis: false)));
            services.TryAddSingleton<IRecommendationStore>(sp => sp.GetRequiredService<InMemoryRecommendationStore>());
            services.TryAddSingleton<IRecommendationStoreStatus>(sp => sp.GetRequiredService<InMemoryRecommendationStore>());
        }

        services.TryAddSingleton<RecommendationMetrics>();
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

    /// <summary>How answers are split between the caller's clock and the background (section Solver), checked now.</summary>
    public static ProofOptions ProofOptionsFrom(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = new ProofOptions();
        section.Bind(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(SolverSection, typeof(ProofOptions), problems);
        }

        return options;
    }

    /// <summary>
    /// Redis behind <see cref="ResilientRecommendationStore"/>: the service keeps answering (and keeps its answers
    /// readable on this replica) while Redis is down, and writes them there once it is back.
    /// </summary>
    private static void AddRedisStore(IServiceCollection services, IConfiguration configuration, string redis)
    {
        var prefix = configuration[RedisKeyPrefixKey] ?? RedisRecommendationStore.DefaultKeyPrefix;
        services.TryAddSingleton<IConnectionMultiplexer>(_ => RedisConnections.Connect(redis));
        services.TryAddSingleton(sp => new RedisRecommendationStore(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<TimeProvider>(),
            prefix,
            sp.GetRequiredService<IOptions<RecommendationOptions>>().Value.QuotaFor(redis: true)));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RecommendationOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var remote = sp.GetRequiredService<RedisRecommendationStore>();
            return new ResilientRecommendationStore(
                remote,
                new InMemoryRecommendationStore(time, options.PendingQuota()),
                new StoreCircuitBreaker(time, options.StoreBreakerFailures, options.StoreBreakerDelay),
                time,
                options.StoreTimeout,
                RedisStoreKind,
                () => remote.LastKnownTotal,
                sp.GetRequiredService<ILogger<ResilientRecommendationStore>>());
        });
        services.TryAddSingleton<IRecommendationStore>(sp => sp.GetRequiredService<ResilientRecommendationStore>());
        services.TryAddSingleton<IRecommendationStoreStatus>(sp => sp.GetRequiredService<ResilientRecommendationStore>());
        services.AddHostedService(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RecommendationOptions>>().Value;
            // Often enough that a closed breaker finds the buffer soon; the breaker's delay still paces the probes.
            var period = options.StoreBreakerDelay < PendingWritePeriod ? options.StoreBreakerDelay : PendingWritePeriod;
            return new PendingRecommendationWriter(
                sp.GetRequiredService<ResilientRecommendationStore>(),
                sp.GetRequiredService<TimeProvider>(),
                period,
                sp.GetRequiredService<ILogger<PendingRecommendationWriter>>());
        });
    }
}
