using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.Exceptions;
using GraphQL.Execution;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>
/// Parsed documents keyed by their text, so a repeated query is neither parsed nor validated again. Bounded by entries
/// and by total characters; when full, the oldest entries go first (insertion order: cheap, and a hot query that is
/// evicted costs one parse to come back).
/// </summary>
public sealed class DocumentCache(int maxEntries, long maxCharacters, int maxSyntaxDepth)
{
    private readonly ConcurrentDictionary<string, PreparedDocument> byText = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> insertionOrder = new();
    private long characters;

    public int Count => byText.Count;

    /// <summary>
    /// The parsed document for <paramref name="text"/>, from the cache or parsed now. Throws <see cref="SyntaxError"/>
    /// for a malformed document and <see cref="RequestLimitError"/> for one nested deeper than the parser allows.
    /// </summary>
    public PreparedDocument Get(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (byText.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var prepared = new PreparedDocument(Parse(text), text.Length);
        if (text.Length <= maxCharacters / 4 && byText.TryAdd(text, prepared))
        {
            insertionOrder.Enqueue(text);
            Interlocked.Add(ref characters, text.Length);
            Trim();
        }

        return prepared;
    }

    private GraphQLParser.AST.GraphQLDocument Parse(string text)
    {
        try
        {
            return Parser.Parse(text, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = maxSyntaxDepth });
        }
        catch (GraphQLMaxDepthExceededException)
        {
            throw RequestLimitError.SyntaxTooDeep();
        }
        catch (GraphQLSyntaxErrorException e)
        {
            throw new SyntaxError(e);
        }
    }

    private void Trim()
    {
        while ((byText.Count > maxEntries || Interlocked.Read(ref characters) > maxCharacters) && insertionOrder.TryDequeue(out var oldest))
        {
            if (byText.TryRemove(oldest, out var removed))
            {
                Interlocked.Add(ref characters, -removed.Length);
            }
        }
    }
}
