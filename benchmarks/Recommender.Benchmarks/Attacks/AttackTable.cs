using System.Globalization;

namespace Recommender.Benchmarks.Attacks;

/// <summary>Prints rows as a Markdown table, then one line of remarks per attack.</summary>
internal static class AttackTable
{
    public static void Print(IReadOnlyList<AttackRow> rows, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("| attack | request | status | code | response | CPU s | CPU after s | peak RSS MiB | RSS after MiB | wall s | log bytes |");
        output.WriteLine("|---|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var r = row.Result;
            var response = r.ResponseBytes is { } b ? Size(b) : "-";
            var log = row.LogBytes is { } l ? l.ToString("N0", CultureInfo.InvariantCulture) : "-";
            output.WriteLine(Inv($"| {row.Name} | {Size(r.RequestBytes)} | {r.Status} | {r.Code} | {response} | {row.CpuSeconds:0.00} | {
                row.CpuAfterSeconds:0.00}{(row.Settled ? "" : "+")} | {Mib(row.PeakRssMiB)} | {Mib(row.RssAfterMiB)} | {
                row.Wall.TotalSeconds:0.00} | {log} |"));
        }

        output.WriteLine();
        foreach (var row in rows)
        {
            var settle = row.Settled
                ? Inv($"idle {row.SettleTime.TotalSeconds:0.0} s after")
                : Inv($"STILL BUSY {row.SettleTime.TotalSeconds:0} s after");
            var remarks = new[] { settle, row.Result.Note, row.ServiceNote }.Where(n => !string.IsNullOrEmpty(n));
            output.WriteLine($"- {row.Name}: {string.Join("; ", remarks)}");
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => Inv($"{bytes} B"),
        < 1024 * 1024 => Inv($"{bytes / 1024.0:0.0} KB"),
        _ => Inv($"{bytes / (1024.0 * 1024):0.0} MB"),
    };

    private static string Mib(double? mib) => mib is { } m ? Inv($"{m:0}") : "-";

    private static string Inv(FormattableString value) => FormattableString.Invariant(value);
}
