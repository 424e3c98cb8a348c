namespace Recommender.Core.Catalog;

/// <summary>Providers the service knows by name. Regions of an unknown provider id are shown with the id as name.</summary>
public static class KnownProviders
{
    public static readonly Provider Alibaba = new("alibaba", "Alibaba Cloud");

    public static Provider Resolve(string id) =>
        string.Equals(id, Alibaba.Id, StringComparison.Ordinal) ? Alibaba : new Provider(id, id);
}
