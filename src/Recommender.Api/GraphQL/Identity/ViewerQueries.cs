using GraphQL.Types;
using Microsoft.Extensions.Options;
using Recommender.Api.Identity;

namespace Recommender.Api.GraphQL.Identity;

public static class ViewerQueries
{
    public static ObjectGraphType AddViewerFields(this ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<ViewerGraphType>("viewer")
            .Description("Who the bearer token says you are, with your organisations; null without a token.")
            .Resolve(ctx => CallerIdentity.From(ctx.User, ctx.RequestServices!.GetRequiredService<IOptions<IdentityOptions>>().Value));
        return query;
    }
}
