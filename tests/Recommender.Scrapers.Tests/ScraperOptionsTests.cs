using Microsoft.Extensions.Configuration;
using Recommender.Core.Cloud;

namespace Recommender.Scrapers.Tests;

public sealed class ScraperOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_keep_volatile_data_on_the_short_cadence()
    {
        var options = new ScraperOptions();

        Assert.Empty(ScraperOptionsValidator.Errors(options));
        Assert.True(options.Enabled);
        Assert.Equal("alibaba", options.CredentialAccount);
        Assert.Equal(TimeSpan.FromHours(12), Cadence.Parse("Full", options.Cadence.Full).Interval);
        Assert.Equal(TimeSpan.FromHours(6), Cadence.Parse("OnDemand", options.Cadence.OnDemandPrices).Interval);
        Assert.Equal(TimeSpan.FromMinutes(5), Cadence.Parse("Spot", options.Cadence.SpotPricesAndStock).Interval);
        Assert.Equal(TimeSpan.FromMinutes(30), options.StaleAfter.For(RefreshKind.SpotPricesAndStock));
        Assert.Null(options.PostgreSql);
        Assert.Equal("qrtz_", options.Quartz.TablePrefix);
        Assert.Equal(TimeSpan.FromMinutes(1), options.OnDemandRefreshInterval);
    }

    [Fact]
    public void Every_key_binds_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scrapers:Enabled"] = "false",
            ["Scrapers:CredentialAccount"] = "scraper",
            ["Scrapers:Regions:0"] = "cn-hangzhou",
            ["Scrapers:Regions:1"] = "eu-central-1",
            ["Scrapers:Cadence:Full"] = "0 0 3 * * ?",
            ["Scrapers:Cadence:OnDemandPrices"] = "02:00:00",
            ["Scrapers:Cadence:SpotPricesAndStock"] = "00:02:00",
            ["Scrapers:Cadence:Regions"] = "1.00:00:00",
            ["Scrapers:StaleAfter:Full"] = "2.00:00:00",
            ["Scrapers:StaleAfter:OnDemandPrices"] = "06:00:00",
            ["Scrapers:StaleAfter:SpotPricesAndStock"] = "00:10:00",
            ["Scrapers:RefreshTimeout"] = "00:01:00",
            ["Scrapers:OnDemandRefreshInterval"] = "00:05:00",
            ["Scrapers:MaxParallelRegions"] = "8",
            ["Scrapers:MaxJitter"] = "00:00:05",
            ["Scrapers:PostgreSql"] = "Host=db",
            ["Scrapers:Quartz:InstanceName"] = "prod",
            ["Scrapers:Quartz:InstanceId"] = "pod-1",
            ["Scrapers:Quartz:TablePrefix"] = "sched_",
            ["Scrapers:Quartz:CheckinInterval"] = "00:00:15",
            ["Scrapers:Quartz:MisfireThreshold"] = "00:02:00",
        }).Build();

        var options = configuration.GetSection(ScraperOptions.SectionName).Get<ScraperOptions>()!;

        Assert.Empty(ScraperOptionsValidator.Errors(options));
        Assert.False(options.Enabled);
        Assert.Equal("scraper", options.CredentialAccount);
        Assert.Equal(["cn-hangzhou", "eu-central-1"], options.Regions);
        Assert.Equal("0 0 3 * * ?", options.Cadence.Full);
        Assert.Equal("02:00:00", options.Cadence.OnDemandPrices);
        Assert.Equal("00:02:00", options.Cadence.SpotPricesAndStock);
        Assert.Equal("1.00:00:00", options.Cadence.Regions);
        Assert.Equal(TimeSpan.FromDays(2), options.StaleAfter.Full);
        Assert.Equal(TimeSpan.FromHours(6), options.StaleAfter.OnDemandPrices);
        Assert.Equal(TimeSpan.FromMinutes(10), options.StaleAfter.SpotPricesAndStock);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RefreshTimeout);
        Assert.Equal(TimeSpan.FromMinutes(5), options.OnDemandRefreshInterval);
        Assert.Equal(8, options.MaxParallelRegions);
        Assert.Equal(TimeSpan.FromSeconds(5), options.MaxJitter);
        Assert.Equal("Host=db", options.PostgreSql);
        Assert.Equal("prod", options.Quartz.InstanceName);
        Assert.Equal("pod-1", options.Quartz.InstanceId);
        Assert.Equal("sched_", options.Quartz.TablePrefix);
        Assert.Equal(TimeSpan.FromSeconds(15), options.Quartz.CheckinInterval);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Quartz.MisfireThreshold);
    }

    [Fact]
    public void Nonsense_values_are_reported_by_key()
    {
        var options = new ScraperOptions
        {
            MaxParallelRegions = 0,
            RefreshTimeout = TimeSpan.Zero,
            MaxJitter = TimeSpan.FromSeconds(-1),
            OnDemandRefreshInterval = TimeSpan.Zero,
        };
        options.Cadence.Regions = "whenever";

        var errors = ScraperOptionsValidator.Errors(options);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Scrapers:Cadence:Regions", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scrapers:MaxParallelRegions", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scrapers:RefreshTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scrapers:MaxJitter", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Scrapers:OnDemandRefreshInterval", StringComparison.Ordinal));
    }
}
