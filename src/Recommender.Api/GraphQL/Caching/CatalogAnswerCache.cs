using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GraphQL.Transport;
using Microsoft.Extensions.Primitives;
using Recommender.Core.Catalog;

namespace Recommender.Api.GraphQL.Caching;

/// <summary>
/// Answers of catalog-only queries, keyed by their entity tag: a hash of the response media type, the document, the
/// operation name, the variables, the catalog's <see cref="CatalogSnapshot.Fingerprint"/> and this build. The same tag
/// always means the same bytes, so a hit is served without execution and HTTP clients may revalidate with it.
/// </summary>
/// <remarks>
/// The tag covers every region's version, not only the regions the query read: a refresh of one region changes every
/// tag. Coarser, but it is known before execution, which is what lets a 304 or a cache hit skip the work. Bounded by
/// bytes; when the catalog changes, the answers of the old one are dropped at once (nobody can hit them again).
/// </remarks>
public sealed class CatalogAnswerCache(long maxBytes)
{
    /// <summary>Larger answers are served but not kept: a few of them would push everything else out.</summary>
    private readonly long largestKept = maxBytes / 16;

    /// <summary>Distinguishes builds, so a deployment with a changed schema never matches an old tag.</summary>
    private static readonly string Build = typeof(CatalogAnswerCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentDictionary<string, byte[]> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> insertionOrder = new();
    private readonly Lock trimming = new();
    private long bytes;
    private string? catalog;

    public bool IsEnabled => maxBytes > 0;

    public int Count => answers.Count;

    /// <summary>The entity tag (quoted, strong) of an answer to <paramref name="request"/> over <paramref name="snapshot"/>.</summary>
    public static string EntityTag(string mediaType, GraphQLRequest request, string variablesJson, CatalogSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(snapshot);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { Build, snapshot.Fingerprint, mediaType, request.OperationName ?? string.Empty, variablesJson, request.Query ?? string.Empty })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData([0]); // Separator: ("ab", "c") and ("a", "bc") must differ.
        }

        return "\"" + Convert.ToBase64String(hash.GetCurrentHash(), 0, 18).Replace('+', '-').Replace('/', '_') + "\"";
    }

    /// <summary>
    /// Whether an <c>If-None-Match</c> header names <paramref name="tag"/> (or is <c>*</c>); weak comparison, as RFC 9110
    /// §13.1.2 prescribes for If-None-Match.
    /// </summary>
    public static bool Matches(StringValues ifNoneMatch, string tag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var opaque = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (opaque == "*" || string.Equals(opaque, tag, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// How long a client or proxy may reuse a catalog answer without asking: a tenth of the age of the catalog's newest
    /// data (the heuristic of RFC 9111 §4.2.2), between 1 second and 5 minutes. Data scraped a minute ago may change
    /// soon; a sample weeks old will not change within minutes.
    /// </summary>
    public static string CacheControl(CatalogSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var age = snapshot.NewestUpdate is { } newest ? now - newest : TimeSpan.Zero;
        var seconds = (long)Math.Clamp(age.TotalSeconds / 10, 1, 300);
        return "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture);
    }

    public bool TryGet(string tag, out byte[] body)
    {
        if (answers.TryGetValue(tag, out var found))
        {
            body = found;
            return true;
        }

        body = [];
        return false;
    }

    /// <summary>Keeps <paramref name="body"/> under <paramref name="tag"/>, dropping the answers of any older catalog first.</summary>
    public void Add(string tag, CatalogSnapshot snapshot, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(body);
        if (!IsEnabled || body.Length > largestKept)
        {
            return;
        }

        lock (trimming)
        {
            if (!string.Equals(catalog, snapshot.Fingerprint, StringComparison.Ordinal))
            {
                answers.Clear();
                insertionOrder.Clear();
                bytes = 0;
                catalog = snapshot.Fingerprint;
            }

            if (!answers.TryAdd(tag, body))
            {
                return;
            }

            insertionOrder.Enqueue(tag);
            bytes += body.Length;
            while (bytes > maxBytes && insertionOrder.TryDequeue(out var oldest))
            {
                if (answers.TryRemove(oldest, out var removed))
                {
                    bytes -= removed.Length;
                }
            }
        }
    }
}
