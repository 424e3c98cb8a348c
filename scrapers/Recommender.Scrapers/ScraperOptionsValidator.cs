using Microsoft.Extensions.Options;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers;

/// <summary>Rejects settings the schedule cannot honour, at registration and again on start.</summary>
public static class ScraperOptionsValidator
{
    public static IReadOnlyList<string> Errors(ScraperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var kind in Enum.GetValues<RefreshKind>())
        {
            CheckCadence(errors, $"Scrapers:Cadence:{kind}", options.Cadence.For(kind));
            Positive(errors, $"Scrapers:StaleAfter:{kind}", options.StaleAfter.For(kind));
        }

        CheckCadence(errors, "Scrapers:Cadence:Regions", options.Cadence.Regions);
        Positive(errors, "Scrapers:RefreshTimeout", options.RefreshTimeout);
        Positive(errors, "Scrapers:OnDemandRefreshInterval", options.OnDemandRefreshInterval);
        Positive(errors, "Scrapers:Quartz:CheckinInterval", options.Quartz.CheckinInterval);
        Positive(errors, "Scrapers:Quartz:MisfireThreshold", options.Quartz.MisfireThreshold);
        if (options.MaxJitter < TimeSpan.Zero)
        {
            errors.Add("Scrapers:MaxJitter must not be negative.");
        }

        if (options.MaxParallelRegions < 1)
        {
            errors.Add("Scrapers:MaxParallelRegions must be at least 1.");
        }

        if (string.IsNullOrWhiteSpace(options.Quartz.InstanceName))
        {
            errors.Add("Scrapers:Quartz:InstanceName must not be empty.");
        }

        return errors;
    }

    public static void ThrowIfInvalid(ScraperOptions options)
    {
        var errors = Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(ScraperOptions.SectionName, typeof(ScraperOptions), errors);
        }
    }

    private static void CheckCadence(List<string> errors, string key, string value)
    {
        if (!Cadence.TryParse(value, out _))
        {
            errors.Add($"{key}: '{value}' is neither a TimeSpan of whole seconds (at least 00:00:01) nor a Quartz cron expression.");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive.");
        }
    }
}
