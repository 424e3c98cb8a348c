using System.Globalization;

namespace Recommender.Benchmarks.Attacks;

/// <summary>Command line of <c>attacks</c>; see <see cref="AttackCommand"/>.</summary>
internal sealed record AttackOptions(
    Uri Url,
    int? Pid,
    string? StartDll,
    string Environment,
    string? ServiceLog,
    IReadOnlySet<string>? Only,
    bool SkipSlow,
    TimeSpan Timeout,
    TimeSpan Settle,
    bool List)
{
    public static AttackOptions Parse(string[] args)
    {
        var url = new Uri(Option(args, "--url") ?? "http://127.0.0.1:18080");
        if (url.AbsolutePath == "/")
        {
            url = new Uri(url, "/graphql");
        }

        return new AttackOptions(
            url,
            Option(args, "--pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            Option(args, "--start"),
            Option(args, "--environment") ?? "Production",
            Option(args, "--service-log"),
            Option(args, "--only") is { } only ? only.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal) : null,
            args.Contains("--skip-slow"),
            Seconds(args, "--timeout", 60),
            Seconds(args, "--settle", 120),
            args.Contains("--list"));
    }

    private static TimeSpan Seconds(string[] args, string name, double fallback) =>
        TimeSpan.FromSeconds(Option(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
