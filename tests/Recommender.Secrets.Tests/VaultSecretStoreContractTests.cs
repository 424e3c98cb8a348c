using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

/// <summary>The shared suite against <see cref="Vault.VaultSecretStore"/> over the Vault emulator, as AddSecrets wires it.</summary>
public sealed class VaultSecretStoreContractTests : SecretStoreContract, IAsyncLifetime
{
    private VaultTestHost host = null!;

    public async Task InitializeAsync() => host = await VaultTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    protected override ISecretStore CreateStore() => host.Store;
}
