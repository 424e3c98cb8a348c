using Microsoft.AspNetCore.Mvc;
using Recommender.Api.Recommendations;
using Recommender.Core.Catalog;

namespace Recommender.Api.Operations;

/// <summary>
/// <c>/readyz</c>: ready (200) once the catalog holds a region; the body says why not, and how both stores are doing.
/// A store outage keeps 200, since the service still answers, with <c>status</c> DEGRADED. Enums are spelt as in GraphQL.
/// </summary>
public static class ReadinessEndpoint
{
    public static IResult Handle([FromServices] ICatalogStatus status, [FromServices] IRecommendationStoreStatus recommendations)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(recommendations);
        var health = status.GetHealth();
        var store = recommendations.GetHealth();
        var summary = !health.IsLoaded ? ReadinessStatus.NotReady
            : health.StoreState != StoreState.Available || store.State != RecommendationStoreState.Available ? ReadinessStatus.Degraded
            : ReadinessStatus.Ready;
        var body = new
        {
            ready = health.IsLoaded,
            status = GraphQLEnumNames.Of(summary),
            store = new
            {
                kind = health.StoreKind,
                state = GraphQLEnumNames.Of(health.StoreState),
                lastError = health.LastStoreError,
                lastSuccessAt = health.LastStoreSuccessAt,
            },
            recommendationStore = new
            {
                kind = store.Kind,
                state = GraphQLEnumNames.Of(store.State),
                breaker = store.Breaker is { } breaker ? GraphQLEnumNames.Of(breaker) : null,
                stored = store.Stored,
                pending = store.Pending,
                lastError = store.LastError,
                lastSuccessAt = store.LastSuccessAt,
            },
            regions = status.GetRegions().Count,
        };
        return Results.Json(body, statusCode: health.IsLoaded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
