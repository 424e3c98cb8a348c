namespace Recommender.Api.GraphQL.Catalog.Search;

public enum OrderDirection
{
    Asc,
    Desc,
}
