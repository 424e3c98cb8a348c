using Recommender.Emulators.Alibaba;
using Recommender.Emulators.Measurement;
using Recommender.Emulators.Vault;

namespace Recommender.Emulators;

/// <summary>
/// <c>dotnet run --project tests/Recommender.Emulators [-- serve [--url http://127.0.0.1:5080] [--catalog file.json]
/// [--synthetic-types N] [--latency-ms 30] [--rate-limit 20] [--cs-time-scale 0.1]]</c> serves the ECS and CS emulator;
/// <c>-- measure</c> runs the refresh measurements (see <see cref="RefreshMeasurement"/>);
/// <c>-- vault [--url http://127.0.0.1:8200] [--root-token T]</c> serves the Vault emulator (see <c>Vault/README.md</c>).
/// </summary>
public static class EmulatorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "serve";
        var flags = ParseFlags(args);
        if (command == "measure")
        {
            return await RefreshMeasurement.RunAsync(flags).ConfigureAwait(false);
        }

        if (command == "vault")
        {
            return await ServeVaultAsync(flags).ConfigureAwait(false);
        }

        if (command != "serve")
        {
            await Console.Error.WriteLineAsync($"Unknown command '{command}'. Use 'serve', 'vault' or 'measure'.").ConfigureAwait(false);
            return 2;
        }

        var catalog = LoadCatalog(flags);
        var options = new EcsEmulatorOptions
        {
            Url = flags.GetValueOrDefault("url", "http://127.0.0.1:5080"),
            Latency = TimeSpan.FromMilliseconds(int.Parse(flags.GetValueOrDefault("latency-ms", "0"), System.Globalization.CultureInfo.InvariantCulture)),
            MaxCallsPerSecondPerApi = int.Parse(flags.GetValueOrDefault("rate-limit", "0"), System.Globalization.CultureInfo.InvariantCulture),
        };
        options.Cs.TimeScale = double.Parse(flags.GetValueOrDefault("cs-time-scale", "1"), System.Globalization.CultureInfo.InvariantCulture);
        await using var emulator = await EcsEmulator.StartAsync(catalog, options).ConfigureAwait(false);
        Console.WriteLine($"Alibaba ECS + CS emulator on {emulator.BaseAddress} serving {catalog.Regions.Count} regions, {catalog.AllTypes.Count} types.");
        Console.WriteLine($"CS delays scaled by {options.Cs.TimeScale} (a cluster takes {options.Cs.Scaled(options.Cs.ClusterCreate)}).");
        Console.WriteLine($"Access key: {EcsEmulatorOptions.DefaultAccessKeyId} / {EcsEmulatorOptions.DefaultAccessKeySecret}");
        Console.WriteLine($"Public price file: {new Uri(emulator.BaseAddress, PublicPriceJson.Path)}");
        await emulator.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    /// <summary>The --catalog file, else the sample embedded in Recommender.Core, else the synthetic regions.</summary>
    public static EmulatorCatalog LoadCatalog(IReadOnlyDictionary<string, string> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        if (flags.TryGetValue("catalog", out var path))
        {
            return EmulatorCatalog.FromFile(path);
        }

        if (flags.TryGetValue("synthetic-types", out var count))
        {
            var n = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
            return new EmulatorCatalog([SyntheticCatalog.Region("cn-hangzhou", n, 4, DateTimeOffset.UtcNow)]);
        }

        return EmulatorCatalog.TryLoadSample() ?? new EmulatorCatalog(SyntheticCatalog.SampleRegions(DateTimeOffset.UtcNow));
    }

    /// <summary>The Vault emulator until Ctrl+C, with a root token and an AppRole role <c>recommender</c> (1h tokens, 24h max).</summary>
    private static async Task<int> ServeVaultAsync(Dictionary<string, string> flags)
    {
        var options = new VaultEmulatorOptions
        {
            Url = flags.GetValueOrDefault("url", "http://127.0.0.1:8200"),
            RootToken = flags.GetValueOrDefault("root-token"),
        };
        await using var vault = await VaultEmulator.StartAsync(options).ConfigureAwait(false);
        var role = vault.AddAppRole("recommender", new VaultAppRoleSpec(TimeSpan.FromHours(1), TimeSpan.FromHours(24)));
        Console.WriteLine($"Vault emulator on {vault.BaseAddress} (KV v2 mounted at secret/)");
        Console.WriteLine($"Root token: {vault.RootToken}");
        Console.WriteLine($"AppRole 'recommender': role_id {role.RoleId} secret_id {role.SecretId}");
        await vault.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }

    private static Dictionary<string, string> ParseFlags(string[] args)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                flags[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            }
        }

        return flags;
    }
}
