using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class InstanceCategoryGraphType : EnumerationGraphType<InstanceCategory>
{
    public InstanceCategoryGraphType()
    {
        Name = "InstanceCategory";
        Description = "What an instance family is built for.";
    }
}
