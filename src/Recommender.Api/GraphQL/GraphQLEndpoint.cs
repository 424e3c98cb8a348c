using System.Diagnostics;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL;

/// <summary>GraphQL over HTTP (graphql-over-http draft) as one minimal-API endpoint around the document executer.</summary>
public static class GraphQLEndpoint
{
    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, QueriesOnlyOverGetRule.Instance];

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
        ExecutionResult result;
        try
        {
            result = error is not null ? Failed(error) : await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new()
            {
                Query = request!.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                Root = services.GetRequiredService<ICatalog>().Current,
                ValidationRules = isGet ? GetRules : null,
                RequestServices = services,
                User = context.User,
                CancellationToken = ct,
            });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: nobody to answer, and not a server error.
            GraphQLMetrics.Record(GraphQLMetrics.Cancelled, Stopwatch.GetElapsedTime(started));
            return;
        }

        await WriteAsync(context, serializer, mediaType, result, started, ct);
    }

    private static ExecutionResult Failed(ExecutionError error) => new() { Errors = [error] };

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
