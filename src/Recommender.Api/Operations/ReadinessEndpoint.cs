using Microsoft.AspNetCore.Mvc;
using Recommender.Api.Recommendations;
using Recommender.Core.Catalog;
using Recommender.Secrets;

namespace Recommender.Api.Operations;

/// <summary>
/// <c>/readyz</c>: ready (200) once the catalog holds a region; the body says why not, and how the catalog store, the
/// recommendation store and the secret store (Vault) are doing. A store outage keeps 200, since the service still
/// answers, with <c>status</c> DEGRADED. Enums are spelt as in GraphQL.
/// </summary>
public static class ReadinessEndpoint
{
    public static async Task<IResult> Handle(
        [FromServices] ICatalogStatus status,
        [FromServices] IRecommendationStoreStatus recommendations,
        [FromServices] SecretStoreProbe secrets,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(recommendations);
        ArgumentNullException.ThrowIfNull(secrets);
        var health = status.GetHealth();
        var store = recommendations.GetHealth();
        var secretStore = await secrets.CheckAsync(ct);
        var summary = !health.IsLoaded ? ReadinessStatus.NotReady
            : health.StoreState != StoreState.Available || store.State != RecommendationStoreState.Available || !secretStore.Available
                ? ReadinessStatus.Degraded
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
            secretStore = new
            {
                kind = secretStore.Kind,
                state = secretStore.Available ? "AVAILABLE" : "UNAVAILABLE",
                lastError = secretStore.Problem,
                checkedAt = secretStore.CheckedAt,
            },
            regions = status.GetRegions().Count,
        };
        return Results.Json(body, statusCode: health.IsLoaded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
