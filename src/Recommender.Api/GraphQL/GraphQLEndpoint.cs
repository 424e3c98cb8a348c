using System.Diagnostics;
using GraphQL;
using GraphQL.Types;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using Microsoft.Extensions.Options;
using Recommender.Api.GraphQL.Cost;
using Recommender.Core.Catalog;

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
        ExecutionResult result;
        try
        {
            result = error is not null ? Failed(error) : await ExecuteAsync(context, request!, isGet, ct);
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

    /// <summary>Admits the request (parse, cost, limits: linear time), then validates what is not yet known valid and executes.</summary>
    private static async Task<ExecutionResult> ExecuteAsync(HttpContext context, GraphQLRequest request, bool isGet, CancellationToken ct)
    {
        var services = context.RequestServices;
        var schema = services.GetRequiredService<ISchema>();
        PreparedDocument prepared;
        try
        {
            prepared = services.GetRequiredService<RequestAdmission>().Admit(request.Query!, request.OperationName, request.Variables, schema);
        }
        catch (ExecutionError refused)
        {
            return Failed(refused);
        }

        var result = await services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new()
        {
            Query = request.Query,
            Document = prepared.Document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            Root = services.GetRequiredService<ICatalog>().Current,
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
