using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace Recommender.Api.GraphQL;

/// <summary>Turns a GET or POST into a <see cref="GraphQLRequest"/>, or into the transport error to answer with.</summary>
internal static class GraphQLHttpRequestReader
{
    public static async Task<(GraphQLRequest? Request, TransportError? Error)> ReadAsync(
        HttpRequest http, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken ct)
    {
        try
        {
            var request = HttpMethods.IsGet(http.Method)
                ? FromQueryString(http, serializer)
                : await FromBodyAsync(http, serializer, maxBytes, ct);
            return string.IsNullOrWhiteSpace(request.Query)
                ? (null, new TransportError(400, TransportError.InvalidRequest, "GraphQL query is missing."))
                : (request, null);
        }
        catch (TransportErrorException e)
        {
            return (null, e.Error);
        }
        catch (PayloadTooLargeException)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (JsonException e)
        {
            return (null, new TransportError(400, TransportError.InvalidRequest, $"JSON body text could not be parsed. {e.Message}"));
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own verdict on the body (shorter than its Content-Length, or arriving too slowly): its message
            // names the problem and nothing of the server, and its status (400, 408, 413) is the right answer.
            var code = e.StatusCode == StatusCodes.Status408RequestTimeout ? TransportError.RequestTimeout : TransportError.InvalidRequest;
            return (null, new TransportError(e.StatusCode, code, e.Message));
        }
    }

    private static GraphQLRequest FromQueryString(HttpRequest http, IGraphQLTextSerializer serializer)
    {
        var q = http.Query;
        return new GraphQLRequest
        {
            Query = q["query"],
            OperationName = string.IsNullOrEmpty(q["operationName"]) ? null : q["operationName"].ToString(),
            Variables = Inputs(serializer, q["variables"]),
            Extensions = Inputs(serializer, q["extensions"]),
        };
    }

    private static Inputs? Inputs(IGraphQLTextSerializer serializer, string? json) =>
        string.IsNullOrEmpty(json) ? null : serializer.Deserialize<Inputs>(json);

    private static async Task<GraphQLRequest> FromBodyAsync(HttpRequest http, IGraphQLTextSerializer serializer, int maxBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var contentType))
        {
            throw Fail(415, TransportError.UnsupportedMediaType,
                "Invalid 'Content-Type' header: send application/json (or application/graphql) with POST.");
        }

        if (contentType.Charset.HasValue && !contentType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(415, TransportError.UnsupportedMediaType, $"Unsupported charset '{contentType.Charset}': send UTF-8.");
        }

        if (http.ContentLength > maxBytes)
        {
            throw new TransportErrorException(TooLarge(maxBytes));
        }

        await using var body = new SizeLimitedStream(http.Body, maxBytes);
        var mediaType = contentType.MediaType;
        if (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/graphql+json", StringComparison.OrdinalIgnoreCase))
        {
            // Read as a list: a single object comes back as an array of one, a JSON array (a batch) as a List.
            var requests = await serializer.ReadAsync<IList<GraphQLRequest?>>(body, ct);
            return requests switch
            {
                GraphQLRequest[] { Length: 1 } single when single[0] is { } request => request,
                GraphQLRequest[] => throw Fail(400, TransportError.InvalidRequest, "The request body must be a JSON object."),
                null => throw Fail(400, TransportError.InvalidRequest, "The request body must be a JSON object."),
                _ => throw Fail(400, TransportError.BatchNotSupported, "Batched requests are not supported: send one operation per request."),
            };
        }

        if (mediaType.Equals("application/graphql", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            return new GraphQLRequest { Query = await reader.ReadToEndAsync(ct) };
        }

        throw Fail(415, TransportError.UnsupportedMediaType,
            $"Invalid 'Content-Type' header: non-supported media type '{mediaType}'. Send application/json or application/graphql.");
    }

    private static TransportError TooLarge(int maxBytes) =>
        new(413, TransportError.PayloadTooLarge, $"Request body is larger than {maxBytes} bytes.");

    private static TransportErrorException Fail(int status, string code, string message) => new(new TransportError(status, code, message));

    private sealed class TransportErrorException(TransportError error) : Exception(error.Message)
    {
        public TransportError Error { get; } = error;
    }
}
