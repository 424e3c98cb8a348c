using Microsoft.AspNetCore.Mvc;
using Recommender.Core.Catalog;

namespace Recommender.Api.Operations;

/// <summary><c>/readyz</c>: ready once the catalog holds a region; the body says why not, and how the store is doing.</summary>
public static class ReadinessEndpoint
{
    public static IResult Handle([FromServices] ICatalogStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var health = status.GetHealth();
        var body = new
        {
            ready = health.IsLoaded,
            store = new
            {
                kind = health.StoreKind,
                state = health.StoreState.ToString(),
                lastError = health.LastStoreError,
                lastSuccessAt = health.LastStoreSuccessAt,
            },
            regions = status.GetRegions().Count,
        };
        return Results.Json(body, statusCode: health.IsLoaded ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
