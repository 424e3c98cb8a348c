using Recommender.Core.Catalog;
using Recommender.Emulators.Alibaba;

namespace Recommender.Alibaba.Tests;

internal static class SyntheticCatalogForTests
{
    public static RegionCatalog Small() => SyntheticCatalog.Region("cn-test-1", 5, 2, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
