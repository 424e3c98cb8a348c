using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

public sealed class SecretsRegistrationTests
{
    [Fact]
    public void Without_a_vault_address_the_store_is_in_memory()
    {
        using var services = Build([]);

        Assert.IsType<InMemorySecretStore>(services.GetRequiredService<ISecretStore>());
        Assert.Null(services.GetService<IVaultClient>());
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public void With_a_vault_address_the_store_is_vault_with_its_renewal_service()
    {
        using var services = Build(new() { ["Secrets:Vault:Address"] = "http://127.0.0.1:8200", ["Secrets:Vault:TokenFile"] = "/run/secrets/token" });

        Assert.IsType<VaultSecretStore>(services.GetRequiredService<ISecretStore>());
        Assert.IsType<HttpVaultClient>(services.GetRequiredService<IVaultClient>());
        Assert.Same(services.GetRequiredService<VaultTokenRenewer>(), Assert.Single(services.GetServices<IHostedService>()));
        Assert.Equal("secret", services.GetRequiredService<IOptions<VaultOptions>>().Value.Mount);
    }

    [Fact]
    public void Vault_options_are_checked_at_start()
    {
        using var services = Build(new() { ["Secrets:Vault:Address"] = "http://127.0.0.1:8200" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("exactly one of Token/TokenFile and AppRole", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AppRole_settings_bind()
    {
        using var services = Build(new()
        {
            ["Secrets:Vault:Address"] = "https://vault.internal:8200",
            ["Secrets:Vault:Namespace"] = "admin/",
            ["Secrets:Vault:AppRole:RoleId"] = "role",
            ["Secrets:Vault:AppRole:SecretIdFile"] = "/run/secrets/secret-id",
            ["Secrets:Vault:AppRole:Mount"] = "k8s-approle",
            ["Secrets:Vault:OverallDeadline"] = "00:00:03",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var options = services.GetRequiredService<IOptions<VaultOptions>>().Value;
        Assert.True(options.UsesAppRole);
        Assert.Equal("k8s-approle", options.AppRole.Mount);
        Assert.Equal("admin/", options.Namespace);
        Assert.Equal(TimeSpan.FromSeconds(3), options.OverallDeadline);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSecrets(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return collection.BuildServiceProvider();
    }
}
