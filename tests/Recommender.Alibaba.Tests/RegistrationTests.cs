using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;
using Recommender.Core.Cloud;
using Recommender.Core.Snapshots;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

/// <summary>AddAlibaba wiring, configuration credentials, and seeding the emulator from a catalog document.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void AddAlibaba_registers_the_provider_and_configuration_credentials()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alibaba:Endpoints:Ecs"] = "http://127.0.0.1:5080",
            ["Alibaba:CallsPerSecondPerApi"] = "10",
        }).Build();
        using var services = new ServiceCollection().AddAlibaba(configuration).BuildServiceProvider();

        Assert.IsType<AlibabaCloudProvider>(services.GetRequiredService<ICloudProvider>());
        Assert.IsType<ConfigurationCredentialSource>(services.GetRequiredService<ICredentialSource>());
        Assert.Equal(10, services.GetRequiredService<IOptions<AlibabaOptions>>().Value.CallsPerSecondPerApi);
        Assert.Equal("alibaba", services.GetRequiredService<ICloudProvider>().Name);
    }

    [Fact]
    public async Task Configuration_credentials_are_null_when_absent_and_read_when_present()
    {
        var empty = new ConfigurationCredentialSource(new ConfigurationBuilder().Build());
        var configured = new ConfigurationCredentialSource(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alibaba:AccessKeyId"] = "id",
            ["Alibaba:AccessKeySecret"] = "secret",
        }).Build());

        Assert.Null(await empty.GetAsync(CredentialReference.Service("default"), CancellationToken.None));
        var credentials = await configured.GetAsync(CredentialReference.Service("default"), CancellationToken.None);
        Assert.Equal(("id", "secret"), (credentials!.AccessKeyId, credentials.AccessKeySecret));
        Assert.DoesNotContain("secret", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emulator_serves_a_catalog_document_file_and_the_scraper_reproduces_it()
    {
        var region = SyntheticCatalog.Region("eu-test-1", 25, 2, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var document = new CatalogDocument(CatalogDocument.CurrentFormat, region.UpdatedAt, "test", [KnownProviders.Alibaba], [region]);
        var path = Path.Combine(Path.GetTempPath(), $"alibaba-catalog-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(document, CatalogJson.Default.CatalogDocument));
        try
        {
            await using var host = await AlibabaTestHost.StartAsync(EmulatorCatalog.FromFile(path));

            var result = await host.Provider.RefreshRegionAsync(region.Region, RefreshKind.Full, null, CancellationToken.None);

            CatalogComparison.AssertMatchesSeed(region, result.Catalog);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
