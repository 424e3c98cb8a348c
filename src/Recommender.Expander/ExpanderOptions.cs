namespace Recommender.Expander;

/// <summary>
/// The cluster-autoscaler gRPC expander (<c>Expander</c> section). Off by default; when on, it listens on its own TLS
/// port (HTTP/2 only), next to the HTTP/1.1 API.
/// </summary>
public sealed class ExpanderOptions
{
    public const string SectionName = "Expander";

    /// <summary>64 MiB: CA sends every option with all its pending pods in one message (about 9 MB for 50 × 200 pods).</summary>
    public const int DefaultMaxReceiveMessageBytes = 64 * 1024 * 1024;

    public bool Enabled { get; set; }

    /// <summary>TCP port of the gRPC endpoint (CA's <c>--grpc-expander-url=host:port</c>).</summary>
    public int Port { get; set; } = 8443;

    /// <summary>
    /// Address to listen on: <c>*</c> (every interface, the default: CA runs in another pod), <c>localhost</c>, or an IP.
    /// </summary>
    public string Address { get; set; } = "*";

    /// <summary>Server certificate: a PEM certificate (with <see cref="KeyPath"/>) or a PKCS#12 file (.pfx/.p12).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="CertificatePath"/>; absent for PKCS#12 or a PEM file holding both.</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of the PKCS#12 file or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Largest request accepted; larger ones are refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageBytes { get; set; } = DefaultMaxReceiveMessageBytes;

    /// <summary>Catalog provider whose prices apply.</summary>
    public string Provider { get; set; } = "alibaba";

    /// <summary>
    /// Region used when a template names neither a region (<c>topology.kubernetes.io/region</c>) nor a zone the catalog
    /// knows; null: such templates cannot be priced unless the provider has a single region.
    /// </summary>
    public string? Region { get; set; }
}
