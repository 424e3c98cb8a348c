using System.Diagnostics;
using System.Globalization;
using Recommender.Alibaba;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Emulators.Alibaba;

namespace Recommender.Emulators.Measurement;

/// <summary>
/// <c>dotnet run -c Release --project tests/Recommender.Emulators -- measure [--latency-ms 30] [--types 600]
/// [--throttle 0.2] [--rate 20]</c>: wall time and API calls of real refreshes against the emulator, each scenario on a
/// fresh provider (cold price cache), with and without injected throttling.
/// </summary>
public static class RefreshMeasurement
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var latency = TimeSpan.FromMilliseconds(Number(flags, "latency-ms", 30));
        var types = (int)Number(flags, "types", 600);
        var throttle = Number(flags, "throttle", 0.2);
        var rate = Number(flags, "rate", 20);
        var now = DateTimeOffset.UtcNow;
        var big = SyntheticCatalog.Region("cn-measure-1", types, 4, now);
        var sample = EmulatorCatalog.TryLoadSample();
        var sampleRegions = sample?.Regions.Values.ToList() ?? [.. SyntheticCatalog.SampleRegions(now)];
        Console.WriteLine($"Latency {latency.TotalMilliseconds} ms per call, client limit {rate} calls/s per API per region, "
            + $"sample regions from {(sample is null ? "the synthetic generator (no embedded sample)" : "the embedded sample")}: "
            + string.Join(", ", sampleRegions.Select(r => $"{r.Region.Id} ({r.InstanceTypes.Count} types)")));
        var catalog = new EmulatorCatalog([big, .. sampleRegions]);
        await using var emulator = await EcsEmulator.StartAsync(catalog, new EcsEmulatorOptions { Latency = latency });

        foreach (var throttled in new[] { false, true })
        {
            emulator.Faults.Reset();
            if (throttled)
            {
                emulator.Faults.ForAll(f => (f.ThrottleRate, f.ThrottleTimeLeftMs) = (throttle, 500));
            }

            var label = throttled ? $" [{throttle:P0} throttled, TimeLeft 500 ms]" : string.Empty;
            await MeasureAsync(emulator, rate, null, $"Full refresh, 1 region x {types} types{label}", p => p.RefreshRegionAsync(big.Region, RefreshKind.Full, null, CancellationToken.None));
            var priceFile = new Uri(emulator.BaseAddress, PublicPriceJson.Path).ToString();
            await MeasureAsync(emulator, rate, priceFile, $"Full refresh, 1 region x {types} types, on-demand prices from the public price file{label}", p => p.RefreshRegionAsync(big.Region, RefreshKind.Full, null, CancellationToken.None));
            var previous = new Dictionary<string, RegionCatalog>(StringComparer.Ordinal);
            await MeasureAsync(emulator, rate, null, $"Full refresh, {sampleRegions.Count} sample regions in parallel{label}", async p =>
            {
                var results = await Task.WhenAll(sampleRegions.Select(r => p.RefreshRegionAsync(r.Region, RefreshKind.Full, null, CancellationToken.None)));
                foreach (var result in results)
                {
                    previous[result.Catalog.Region.Id] = result.Catalog;
                }

                return new RegionRefreshResult(results[0].Catalog, results.Sum(r => r.ApiCalls));
            });
            await MeasureAsync(emulator, rate, null, $"Spot prices + stock, {sampleRegions.Count} sample regions in parallel{label}", async p =>
            {
                var results = await Task.WhenAll(sampleRegions.Select(r => p.RefreshRegionAsync(r.Region, RefreshKind.SpotPricesAndStock, previous[r.Region.Id], CancellationToken.None)));
                return new RegionRefreshResult(results[0].Catalog, results.Sum(r => r.ApiCalls));
            });
        }

        return 0;
    }

    private static async Task MeasureAsync(EcsEmulator emulator, double rate, string? priceFile, string label, Func<ICloudProvider, Task<RegionRefreshResult>> run)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alibaba:Endpoints:Ecs"] = emulator.BaseAddress.ToString(),
            ["Alibaba:AccessKeyId"] = EcsEmulatorOptions.DefaultAccessKeyId,
            ["Alibaba:AccessKeySecret"] = EcsEmulatorOptions.DefaultAccessKeySecret,
            ["Alibaba:CallsPerSecondPerApi"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Alibaba:PublicPriceFile"] = priceFile,
        }).Build();
        await using var services = new ServiceCollection().AddAlibaba(configuration).BuildServiceProvider();
        var provider = services.GetRequiredService<ICloudProvider>();
        emulator.Counters.Reset();
        var clock = Stopwatch.StartNew();
        string outcome;
        int calls;
        try
        {
            var result = await run(provider);
            calls = result.ApiCalls;
            outcome = "ok";
        }
        catch (Exception e) when (e is Core.Errors.RecommenderException or HttpRequestException)
        {
            calls = emulator.Counters.Total;
            outcome = $"FAILED {e.Message}";
        }

        clock.Stop();
        var perAction = string.Join(", ", emulator.Counters.Requests.GroupBy(r => r.Action).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        Console.WriteLine($"{label}: {clock.Elapsed.TotalSeconds:F1} s, {calls} API calls ({emulator.Counters.Errors("Throttling.User")} throttled), "
            + $"peak {emulator.Counters.PeakCallsPerSecond()} calls/s for one API in one region, {outcome}");
        Console.WriteLine($"    {perAction}");
    }

    private static double Number(IReadOnlyDictionary<string, string> flags, string name, double fallback) =>
        flags.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
