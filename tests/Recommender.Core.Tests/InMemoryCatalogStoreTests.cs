using Recommender.Core.Catalog;
using Recommender.Testing.Stores;

namespace Recommender.Core.Tests;

public sealed class InMemoryCatalogStoreTests : CatalogStoreContract
{
    protected override ICatalogStore CreateStore() => new InMemoryCatalogStore();
}
