using System.Security.Cryptography.X509Certificates;
using Recommender.Api.Expander;

namespace Recommender.Api.Tests.Expander;

public sealed class ExpanderCertificateCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"expander-cert-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Writes_a_PEM_pair_whose_certificate_names_the_DNS_names()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.True(ExpanderCertificateCommand.TryRun(
            ["expander-cert", "--out", directory, "--dns", "recommender-expander.recommender.svc", "--dns", "localhost"], output, errors));

        Assert.Equal("", errors.ToString());
        var certificatePath = Path.Combine(directory, "tls.crt");
        var keyPath = Path.Combine(directory, "tls.key");
        using var pair = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        Assert.True(pair.HasPrivateKey);
        var names = pair.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
        Assert.Equal(["recommender-expander.recommender.svc", "localhost"], names);
        Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(certificatePath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }
        Assert.Contains("--grpc-expander-cert=", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expander-cert")]
    [InlineData("expander-cert", "--out")]
    [InlineData("expander-cert", "--out", "x", "--dns", "not a name")]
    [InlineData("expander-cert", "--out", "x", "--days", "0")]
    [InlineData("expander-cert", "--out", "x", "--surprise")]
    public void Bad_arguments_print_the_usage_and_write_nothing(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        Assert.True(ExpanderCertificateCommand.TryRun(args, output, errors));

        Assert.Contains("usage: expander-cert", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
        Environment.ExitCode = 0;
    }

    [Fact]
    public void Other_commands_are_not_its_business() =>
        Assert.False(ExpanderCertificateCommand.TryRun(["dev-token"], TextWriter.Null, TextWriter.Null));
}
