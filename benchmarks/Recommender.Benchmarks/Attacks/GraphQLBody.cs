using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recommender.Benchmarks.Attacks;

/// <summary>JSON request bodies (<c>{"query": …, "variables": …}</c>) as UTF-8 bytes.</summary>
internal static class GraphQLBody
{
    public static byte[] Of(string query, JsonObject? variables = null)
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = variables;
        }

        return JsonSerializer.SerializeToUtf8Bytes(body);
    }
}
