using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Recommender.Api.GraphQL;

/// <summary>Chooses the response media type from <c>Accept</c> (GraphQL over HTTP, 2025 rules).</summary>
public static class ResponseMediaType
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The chosen type, or null when the client accepts neither (the endpoint answers 406).</summary>
    public static string? Negotiate(StringValues accept)
    {
        // Fast path for what real clients send; parsing the header allocates.
        if (StringValues.IsNullOrEmpty(accept))
        {
            return GraphQLResponse;
        }

        if (accept.Count == 1 && Match(accept[0]) is { } exact)
        {
            return exact;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var list))
        {
            return null;
        }

        foreach (var candidate in list.Where(m => m.Quality is not 0).OrderByDescending(m => m.Quality ?? 1))
        {
            if (Match(candidate.MediaType.Value) is { } chosen)
            {
                return chosen;
            }
        }

        return null;
    }

    private static string? Match(string? mediaType) => mediaType switch
    {
        _ when string.Equals(mediaType, GraphQLResponse, StringComparison.OrdinalIgnoreCase) => GraphQLResponse,
        _ when string.Equals(mediaType, Json, StringComparison.OrdinalIgnoreCase) => Json,
        "*/*" or "application/*" => GraphQLResponse,
        _ => null,
    };
}
