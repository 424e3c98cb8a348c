using System.Globalization;
using Recommender.Expander.Hosting;

namespace Recommender.Api.Expander;

/// <summary>
/// <c>expander-cert --out DIR [--dns NAME]… [--days N]</c> writes a self-signed development certificate and key (PEM,
/// <c>tls.crt</c> and <c>tls.key</c>) whose subject alternative names are the DNS names (default <c>localhost</c>).
/// The same <c>tls.crt</c> is cluster-autoscaler's <c>--grpc-expander-cert</c>.
/// </summary>
public static class ExpanderCertificateCommand
{
    public const string Verb = "expander-cert";

    /// <summary>Runs the command if <paramref name="args"/> names it; returns whether it did (the caller then exits).</summary>
    public static bool TryRun(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Length == 0 || args[0] != Verb)
        {
            return false;
        }

        if (!TryParse(args, out var directory, out var names, out var days, out var problem))
        {
            errors.WriteLine($"{Verb}: {problem}");
            errors.WriteLine($"usage: {Verb} --out <directory> [--dns <name>]... [--days <1-3650>]");
            Environment.ExitCode = 1;
            return true;
        }

        using var certificate = DevelopmentCertificate.Create(names, DateTimeOffset.UtcNow, TimeSpan.FromDays(days));
        var (certificatePath, keyPath) = DevelopmentCertificate.WritePem(certificate, directory);
        output.WriteLine($"certificate: {certificatePath}");
        output.WriteLine($"key:         {keyPath}");
        output.WriteLine($"names:       {string.Join(", ", names)}; valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}");
        output.WriteLine($"serve with:  Expander__Enabled=true Expander__CertificatePath={certificatePath} Expander__KeyPath={keyPath}");
        output.WriteLine($"CA flags:    --expander=grpc --grpc-expander-url={names[0]}:<port> --grpc-expander-cert={certificatePath}");
        return true;
    }

    private static bool TryParse(string[] args, out string directory, out List<string> names, out int days, out string problem)
    {
        directory = "";
        names = [];
        days = (int)DevelopmentCertificate.DefaultValidity.TotalDays;
        for (var i = 1; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    directory = value;
                    i++;
                    break;
                case "--dns" when value is not null && Uri.CheckHostName(value) == UriHostNameType.Dns:
                    names.Add(value);
                    i++;
                    break;
                case "--dns":
                    problem = $"'{value}' is not a DNS name.";
                    return false;
                case "--days" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is > 0 and <= 3650:
                    i++;
                    break;
                default:
                    problem = $"unexpected '{args[i]}'.";
                    return false;
            }
        }

        if (directory.Length == 0)
        {
            problem = "name the output directory with --out.";
            return false;
        }

        if (names.Count == 0)
        {
            names.Add("localhost");
        }

        problem = "";
        return true;
    }
}
