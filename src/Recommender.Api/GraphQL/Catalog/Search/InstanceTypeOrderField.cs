namespace Recommender.Api.GraphQL.Catalog.Search;

public enum InstanceTypeOrderField
{
    Price,
    PricePerVcpu,
    Name,
}
