namespace Recommender.Api.Tests;

/// <summary>One app for the read-only tests; tests that change settings or status build their own.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
