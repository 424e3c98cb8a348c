using Recommender.Testing.Stores;

namespace Recommender.Secrets.Tests;

public sealed class InMemorySecretStoreContractTests : SecretStoreContract
{
    protected override ISecretStore CreateStore() => new InMemorySecretStore(TimeProvider.System);
}
