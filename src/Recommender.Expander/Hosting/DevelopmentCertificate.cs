using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Recommender.Expander.Hosting;

/// <summary>
/// A self-signed server certificate for development: ECDSA P-256, the DNS names as subject alternative names (Go's TLS
/// ignores the common name), server authentication, and marked as a CA so that the file itself can be CA's trust root
/// (<c>--grpc-expander-cert</c>).
/// </summary>
public static class DevelopmentCertificate
{
    public const string CertificateFileName = "tls.crt";
    public const string KeyFileName = "tls.key";

    public static readonly TimeSpan DefaultValidity = TimeSpan.FromDays(365);

    public static X509Certificate2 Create(IReadOnlyList<string> dnsNames, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(dnsNames);
        if (dnsNames.Count == 0)
        {
            throw new ArgumentException("Name at least one DNS name.", nameof(dnsNames));
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(validity));
    }

    /// <summary>Writes <c>tls.crt</c> (certificate, PEM) and <c>tls.key</c> (PKCS#8 private key, PEM, owner-only) into <paramref name="directory"/>.</summary>
    /// <returns>The two paths.</returns>
    public static (string Certificate, string Key) WritePem(X509Certificate2 certificate, string directory)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The certificate has no ECDSA private key.");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (certificatePath, keyPath);
    }
}
