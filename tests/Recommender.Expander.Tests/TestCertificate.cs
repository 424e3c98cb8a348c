using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Recommender.Expander.Hosting;

namespace Recommender.Expander.Tests;

/// <summary>One development pair for the test run (written as CA would mount it), and a client check that trusts it as a root.</summary>
public static class TestCertificate
{
    public const string DnsName = "expander.test";

    private static readonly Lazy<(string Certificate, string Key, X509Certificate2 Root)> Pair = new(() =>
    {
        var directory = Path.Combine(Path.GetTempPath(), $"recommender-expander-tests-{Environment.ProcessId}");
        using var certificate = DevelopmentCertificate.Create(["localhost", DnsName], DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        var (cert, key) = DevelopmentCertificate.WritePem(certificate, directory);
        return (cert, key, X509CertificateLoader.LoadCertificateFromFile(cert));
    });

    public static string CertificatePath => Pair.Value.Certificate;

    public static string KeyPath => Pair.Value.Key;

    /// <summary>The public certificate alone, as <c>--grpc-expander-cert</c> gives it to CA.</summary>
    public static X509Certificate2 Root => Pair.Value.Root;

    /// <summary>
    /// What Go's <c>NewClientTLSFromFile(cert, "")</c> does: the file is the only trust root and the host name must be
    /// among the certificate's DNS names (SslStream checks the name; the chain is built against the custom root).
    /// </summary>
    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
