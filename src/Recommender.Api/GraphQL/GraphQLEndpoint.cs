using System.Diagnostics;
using System.Globalization;
using GraphQL;
using GraphQL.Types;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using Microsoft.Extensions.Options;
using Recommender.Api.GraphQL.Caching;
using Recommender.Api.GraphQL.Cost;
using Recommender.Api.Identity;
using Recommender.Core.Catalog;
using Recommender.Core.Errors;

namespace Recommender.Api.GraphQL;

/// <summary>GraphQL over HTTP (graphql-over-http draft) as one minimal-API endpoint around the document executer.</summary>
public static class GraphQLEndpoint
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, QueriesOnlyOverGetRule.Instance];

    /// <summary>
    /// The rules a document already validated once still needs: those that look at the request, not the document
    /// (argument validators see variables' values; GET allows only queries).
    /// </summary>
    private static readonly IValidationRule[] RevalidatedRules = [FieldArgumentsAreValidRule.Instance];

    private static readonly IValidationRule[] RevalidatedGetRules = [.. RevalidatedRules, QueriesOnlyOverGetRule.Instance];

    public static IEndpointConventionBuilder MapGraphQLApi(this IEndpointRouteBuilder endpoints, string pattern = "/graphql") =>
        endpoints.Map(pattern, HandleAsync);

    public static async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var services = context.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var ct = context.RequestAborted;
        var isGet = HttpMethods.IsGet(context.Request.Method);
        if (!isGet && !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await WriteAsync(context, serializer, ResponseMediaType.Json, Failed(new TransportError(
                405, TransportError.MethodNotAllowed, "Use GET (queries only) or POST.")), started, ct);
            return;
        }

        if (ResponseMediaType.Negotiate(context.Request.Headers.Accept) is not { } mediaType)
        {
            await WriteAsync(context, serializer, ResponseMediaType.Json, Failed(new TransportError(406, TransportError.NotAcceptable,
                $"Accept must allow {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}.")), started, ct);
            return;
        }

        var limits = services.GetRequiredService<IOptions<GraphQLApiOptions>>().Value;
        var (request, error) = await GraphQLHttpRequestReader.ReadAsync(context.Request, serializer, limits.MaxRequestBytes, ct);
        if (error is not null)
        {
            await WriteAsync(context, serializer, mediaType, Failed(error), started, ct);
            return;
        }

        if (await RequestAuthentication.AuthenticateAsync(context) is { } unauthenticated)
        {
            await WriteAsync(context, serializer, mediaType, Failed(unauthenticated), started, ct);
            return;
        }

        // One snapshot for the whole request: what is executed and what the entity tag names are the same catalog.
        var catalog = services.GetRequiredService<ICatalog>().Current;
        Admission admission;
        try
        {
            admission = services.GetRequiredService<RequestAdmission>().Admit(
                request!.Query!, request.OperationName, request.Variables, services.GetRequiredService<ISchema>());
        }
        catch (ExecutionError refused)
        {
            await WriteAsync(context, serializer, mediaType, Failed(refused), started, ct);
            return;
        }

        if (Gate(context, admission) is { } gated)
        {
            await WriteAsync(context, serializer, mediaType, Failed(gated), started, ct);
            return;
        }

        try
        {
            if (admission.IsCatalogData && services.GetRequiredService<CatalogAnswerCache>() is { IsEnabled: true } answers)
            {
                await ServeCatalogAnswerAsync(context, answers, serializer, mediaType, request, admission.Document, catalog, isGet, started);
                return;
            }

            var result = await ExecuteAsync(context, request, admission.Document, catalog, isGet, ct);
            await WriteAsync(context, serializer, mediaType, result, started, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: nobody to answer, and not a server error.
            GraphQLMetrics.Record(GraphQLMetrics.Cancelled, Stopwatch.GetElapsedTime(started));
        }
    }

    private static ExecutionResult Failed(ExecutionError error) => new() { Errors = [error] };

    /// <summary>
    /// What identity decides before execution: anonymous queries only when allowed, and the per-token pace of
    /// mutations. Which fields need which role is each resolver's check (<see cref="OrganizationAccess"/>).
    /// </summary>
    private static TransportError? Gate(HttpContext context, Admission admission)
    {
        var services = context.RequestServices;
        var identity = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        var caller = RequestAuthentication.Caller(context, identity);
        if (caller is null && !identity.AllowAnonymousQueries)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return new TransportError(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "This service needs a bearer token for every request (Identity:AllowAnonymousQueries is off).");
        }

        return admission.Operation == GraphQLParser.AST.OperationType.Mutation
            ? services.GetRequiredService<MutationRateLimiter>().TryAcquire(context, caller)
            : null;
    }

    /// <summary>Validates what is not yet known valid, then executes over <paramref name="catalog"/>.</summary>
    private static async Task<ExecutionResult> ExecuteAsync(
        HttpContext context, GraphQLRequest request, PreparedDocument prepared, CatalogSnapshot catalog, bool isGet, CancellationToken ct)
    {
        var services = context.RequestServices;
        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new()
        {
            Query = request.Query,
            Document = prepared.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            Root = catalog,
            ValidationRules = (prepared.IsValidated, isGet) switch
            {
                (true, true) => RevalidatedGetRules,
                (true, false) => RevalidatedRules,
                (false, true) => GetRules,
                (false, false) => null,
            },
            RequestServices = services,
            User = context.User,
            CancellationToken = ct,
        });
        if (result.Executed)
        {
            prepared.MarkValidated();
        }

        return result;
    }

    /// <summary>
    /// An answer made only of catalog data: the same request over the same catalog gives the same bytes. GET gets HTTP
    /// caching (ETag, 304 on If-None-Match, Cache-Control, Last-Modified); every method is served from the answer cache.
    /// </summary>
    private static async Task ServeCatalogAnswerAsync(
        HttpContext context, CatalogAnswerCache answers, IGraphQLTextSerializer serializer, string mediaType, GraphQLRequest request,
        PreparedDocument prepared, CatalogSnapshot catalog, bool isGet, long started)
    {
        var ct = context.RequestAborted;
        var tag = CatalogAnswerCache.EntityTag(mediaType, request, serializer.Serialize(request.Variables), catalog);
        if (isGet)
        {
            var headers = context.Response.Headers;
            headers.ETag = tag;
            headers.Vary = "Accept";
            headers.CacheControl = CatalogAnswerCache.CacheControl(catalog, context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            if (catalog.NewestUpdate is { } modified)
            {
                headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
            }

            if (CatalogAnswerCache.Matches(context.Request.Headers.IfNoneMatch, tag))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                GraphQLMetrics.Record(GraphQLMetrics.NotModified, Stopwatch.GetElapsedTime(started));
                return;
            }
        }

        if (!answers.TryGet(tag, out var body))
        {
            var result = await ExecuteAsync(context, request, prepared, catalog, isGet, ct);
            if (result.Errors is { Count: > 0 })
            {
                // Errors are not cached (an execution timeout is one): answer as usual, without HTTP caching.
                context.Response.Headers.Remove("ETag");
                context.Response.Headers.CacheControl = "no-store";
                await WriteAsync(context, serializer, mediaType, result, started, ct);
                return;
            }

            using var buffer = new MemoryStream();
            await serializer.WriteAsync(buffer, result, ct);
            body = buffer.ToArray();
            answers.Add(tag, catalog, body);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, ct);
        GraphQLMetrics.Record(GraphQLMetrics.Success, Stopwatch.GetElapsedTime(started));
    }

    private static async Task WriteAsync(
        HttpContext context, IGraphQLTextSerializer serializer, string mediaType, ExecutionResult result, long started, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCode(result, mediaType);
        context.Response.ContentType = mediaType + "; charset=utf-8";
        try
        {
            await serializer.WriteAsync(context.Response.Body, result, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            GraphQLMetrics.Record(GraphQLMetrics.Cancelled, Stopwatch.GetElapsedTime(started));
            return;
        }

        var outcome = result.Errors is not { Count: > 0 } ? GraphQLMetrics.Success
            : result.Executed ? GraphQLMetrics.FieldError : GraphQLMetrics.RequestError;
        GraphQLMetrics.Record(outcome, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Status rules of graphql-over-http §"Status Codes" (see docs note §5.4).</summary>
    private static int StatusCode(ExecutionResult result, string mediaType)
    {
        if (result.Errors is { Count: > 0 } errors)
        {
            if (errors[0] is TransportError transport)
            {
                return transport.StatusCode;
            }

            if (errors.Any(e => e is MethodNotAllowedError))
            {
                return StatusCodes.Status405MethodNotAllowed;
            }
        }

        return result.Executed || mediaType == ResponseMediaType.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }
}
