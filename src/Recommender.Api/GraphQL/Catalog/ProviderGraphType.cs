using GraphQL.Types;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Catalog;

public sealed class ProviderGraphType : ObjectGraphType<Provider>
{
    public ProviderGraphType()
    {
        Name = "Provider";
        Description = "A cloud provider the catalog covers.";
        Field(x => x.Id).Description("Stable lower-case id used as the provider argument, e.g. alibaba.");
        Field(x => x.Name).Description("Human-readable provider name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RegionGraphType>>>>("regions")
            .Description("Regions of this provider held in the catalog, ordered by id.")
            .Resolve(ctx => ctx.Catalog().Regions
                .Where(r => string.Equals(r.Provider, ctx.Source.Id, StringComparison.Ordinal))
                .Select(r => r.Region));
    }
}
