using System.Security.Cryptography.X509Certificates;

namespace Recommender.Expander.Hosting;

/// <summary>Loads the expander's server certificate: a PEM pair, a PEM file holding both, or PKCS#12.</summary>
public static class ExpanderCertificate
{
    /// <exception cref="InvalidOperationException">No certificate is configured, or it has no private key.</exception>
    public static X509Certificate2 Load(ExpanderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.CertificatePath;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException(
                "Expander:CertificatePath is required: cluster-autoscaler only dials the expander over TLS "
                + "(for development, `expander-cert --out DIR` writes a self-signed pair).");
        }

        var certificate = Read(path, options.KeyPath, options.CertificatePassword);
        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"Expander:CertificatePath '{path}' has no private key (set Expander:KeyPath).");
        }

        return certificate;
    }

    private static X509Certificate2 Read(string path, string? keyPath, string? password)
    {
        if (!string.IsNullOrWhiteSpace(keyPath))
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }

        if (File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }
}
