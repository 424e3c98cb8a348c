using System.Text.Json;
using Microsoft.Extensions.Options;
using Recommender.Api.Identity;
using Recommender.Core.Errors;
using Recommender.Provisioning;
using Recommender.Provisioning.Inputs;

namespace Recommender.Api.Provisioning;

/// <summary>
/// <c>POST /api/v1/orgs/{org}/clusters</c>: the seed Pipeline's create-cluster call, so CI/CD jobs written for it keep
/// working. The body is Pipeline's (<c>{name, location, secretId, properties: {acsk: …}}</c>); it becomes the same
/// operation as GraphQL's provisionCluster, with the same checks (an admin's token, the rate limit of mutations,
/// <c>Idempotency-Key</c> header as the idempotency key). Answers 202 with the operation (follow it with GraphQL's
/// operation(org, id) or the Location header's id), or a JSON error <c>{code, message, …details}</c>.
/// </summary>
public static class PipelineClusterEndpoint
{
    public const string Pattern = "/api/v1/orgs/{org}/clusters";

    /// <summary>Pipeline bodies are small; anything beyond this is refused before it is read.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>Pipeline's JSON: camelCase names, read case-insensitively.</summary>
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> HandleAsync(HttpContext context, string org)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        if (await RequestAuthentication.AuthenticateAsync(context).ConfigureAwait(false) is { } unauthenticated)
        {
            return Error(unauthenticated.StatusCode, unauthenticated.Code!, unauthenticated.Message);
        }

        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var caller = RequestAuthentication.Caller(context, identity);
        if (caller is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, "This needs a bearer token (Authorization: Bearer <JWT>).");
        }

        if (caller.RoleIn(org) is not OrganizationRole.Admin)
        {
            return Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, $"This needs the admin role in organisation '{(OrganizationIds.IsValid(org) ? org : "(not a valid organisation id)")}'.");
        }

        if (services.GetRequiredService<MutationRateLimiter>().TryAcquire(context, caller) is { } limited)
        {
            return Error(limited.StatusCode, limited.Code!, limited.Message);
        }

        if (context.Request.ContentLength is > MaxBodyBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The body is limited to {MaxBodyBytes} bytes.");
        }

        PipelineCreateClusterRequest? body;
        try
        {
            // Read at most one byte past the limit, so a body without Content-Length cannot make us buffer more.
            var buffer = new byte[MaxBodyBytes + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            if (read > MaxBodyBytes)
            {
                return Error(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The body is limited to {MaxBodyBytes} bytes.");
            }

            body = JsonSerializer.Deserialize<PipelineCreateClusterRequest>(buffer.AsSpan(0, read), BodyJson);
        }
        catch (JsonException e)
        {
            return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, $"The body is not a Pipeline create-cluster request: {e.Message}");
        }

        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, ErrorCodes.BadUserInput, "The body is empty.");
        }

        try
        {
            var input = PipelineRequests.ToInput(body);
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            var operation = await services.GetRequiredService<ProvisioningService>()
                .StartCreateClusterAsync(org, input, key.Length > 0 ? key : null, context.RequestAborted).ConfigureAwait(false);
            return Results.Json(
                new { id = operation.Id, name = input.Cluster.Name, status = operation.State.ToString().ToUpperInvariant(), operationId = operation.Id },
                statusCode: StatusCodes.Status202Accepted);
        }
        catch (RecommenderException e)
        {
            return Error(StatusOf(e), e.Code, e.Message, e.Details);
        }
    }

    private static int StatusOf(RecommenderException e) => e switch
    {
        ValidationException => StatusCodes.Status400BadRequest,
        NotFoundException => StatusCodes.Status404NotFound,
        ConflictException => StatusCodes.Status409Conflict,
        AccessDeniedException a when a.Code == ErrorCodes.Unauthenticated => StatusCodes.Status401Unauthorized,
        AccessDeniedException => StatusCodes.Status403Forbidden,
        _ when e.IsTransient => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static IResult Error(int status, string code, string message, IReadOnlyDictionary<string, object?>? details = null)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code, ["message"] = message };
        foreach (var (key, value) in details ?? new Dictionary<string, object?>())
        {
            body.TryAdd(key, value);
        }

        return Results.Json(body, statusCode: status);
    }
}
