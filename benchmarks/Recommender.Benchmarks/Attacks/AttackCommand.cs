namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// Plain runner (<c>dotnet run -c Release --project benchmarks/Recommender.Benchmarks -- attacks [--url URL]
/// [--pid N | --start PATH/Recommender.Api.dll [--environment Production] [--service-log FILE]] [--only a,b]
/// [--skip-slow] [--timeout 60] [--settle 120] [--list]</c>): replays the hardening issue's attacks on a running
/// service over loopback, one at a time, and prints one row per attack (see <see cref="AttackRow"/>).
/// </summary>
public static class AttackCommand
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var options = AttackOptions.Parse(args);
        var attacks = AttackCatalog.All()
            .Where(a => options.Only?.Contains(a.Name) ?? !(options.SkipSlow && a.IsSlow))
            .ToList();
        if (options.List)
        {
            foreach (var attack in AttackCatalog.All())
            {
                Console.WriteLine($"{attack.Name,-20} {(attack.IsSlow ? "(slow) " : "")}{attack.Description}");
            }

            return 0;
        }

        if (options.Only is { } only && only.Except(attacks.Select(a => a.Name)).ToList() is { Count: > 0 } unknown)
        {
            Console.Error.WriteLine($"unknown attack(s): {string.Join(", ", unknown)}; --list shows them");
            return 2;
        }

        using var target = new AttackTarget(options.Url);
        await using var service = await ServiceUnderTest.AttachAsync(options, target.Http);
        Console.WriteLine(Inv($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Url}, {service.Describe()}"));
        Console.WriteLine(Inv($"client timeout {options.Timeout.TotalSeconds:0} s, settle limit {options.Settle.TotalSeconds:0} s, {
            Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        var rows = new List<AttackRow>();
        foreach (var attack in attacks)
        {
            if (!service.Process.IsAlive)
            {
                Console.WriteLine($"{attack.Name}: skipped, the service is gone");
                continue;
            }

            Console.Write($"{attack.Name} ({Inv($"{attack.RequestBytes:N0}")} bytes) … ");
            var row = await AttackRunner.MeasureAsync(attack, target, service, options);
            rows.Add(row);
            Console.WriteLine(Inv(
                $"{row.Result.Status} {row.Result.Code}, {row.Wall.TotalSeconds:0.00} s, CPU {row.CpuSeconds:0.00} s + {row.CpuAfterSeconds:0.00} s after"));
        }

        AttackTable.Print(rows, Console.Out);
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Inv(FormattableString value) => FormattableString.Invariant(value);
}
