using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;
using Recommender.Scrapers.Metrics;
using Recommender.Scrapers.Refresh;
using Recommender.Scrapers.Scheduling;
using Recommender.Scrapers.Status;

namespace Recommender.Scrapers;

public static class ScraperServiceCollectionExtensions
{
    /// <summary>
    /// Registers the refresher, its status (<see cref="IRefreshStatus"/>), metrics and the Quartz schedule from the
    /// <c>Scrapers</c> section. Expects <c>ICatalog</c>, <c>ICatalogPublisher</c>, any <c>ICloudProvider</c>s and an
    /// <c>ICredentialSource</c> from elsewhere; without a provider or credentials the scrapers stay off.
    /// </summary>
    public static IServiceCollection AddScrapers(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ScraperOptions.SectionName);
        var options = section.Get<ScraperOptions>() ?? new ScraperOptions();
        ScraperOptionsValidator.ThrowIfInvalid(options);

        services.AddOptions<ScraperOptions>().Bind(section)
            .Validate(o => ScraperOptionsValidator.Errors(o).Count == 0, "invalid Scrapers options").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RefreshStatusRegistry>();
        services.TryAddSingleton<IRefreshStatus>(sp => sp.GetRequiredService<RefreshStatusRegistry>());
        services.TryAddSingleton<ScraperMetrics>();
        services.TryAddSingleton<CatalogRefresher>();
        services.TryAddSingleton<RefreshJitter>();
        services.AddSingleton<ScraperHostedService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ScraperHostedService>());

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = options.Quartz.InstanceName;
                // Quartz's default never cancels running jobs: a shutdown would wait out a whole refresh timeout.
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
                if (options.Quartz.InstanceId is { Length: > 0 } id)
                {
                    s.InstanceId = id;
                }
                else
                {
                    s.GenerateInstanceId = true;
                }
            });
            if (options.PostgreSql is { Length: > 0 } connectionString)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(NpgsqlFactory.Instance, connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.Quartz.CheckinInterval;
                        c.CheckinMisfireThreshold = options.Quartz.CheckinInterval;
                    });
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    store.ConfigureStore(o =>
                    {
                        o.StoreJobDataAsStrings = true;
                        o.TablePrefix = options.Quartz.TablePrefix;
                        o.MisfireThreshold = options.Quartz.MisfireThreshold;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            ScraperSchedule.Configure(q, options);
        });
        return services;
    }
}
