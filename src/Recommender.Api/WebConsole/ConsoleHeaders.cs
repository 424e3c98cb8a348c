using Microsoft.Net.Http.Headers;

namespace Recommender.Api.WebConsole;

/// <summary>Caching and security headers of the console's files.</summary>
internal static class ConsoleHeaders
{
    /// <summary>
    /// The console loads only its own scripts and talks only to this origin. Inline styles stay allowed because the chart
    /// library sizes its canvas through style attributes; scripts never run inline.
    /// </summary>
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>GraphiQL's editor (Monaco) also starts web workers from our own scripts and embeds fonts as data URLs.</summary>
    public const string GraphiQLPolicy =
        "default-src 'self'; script-src 'self'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>Vite names every file under assets/ after its content hash: it never changes under that name.</summary>
    public static void Immutable(HttpResponse response) =>
        response.Headers.CacheControl = "public, max-age=31536000, immutable";

    /// <summary>HTML names the current hashed assets, so it is revalidated on every load.</summary>
    public static void Html(HttpResponse response, string policy)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = policy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    public static void NoCache(HttpResponse response) => response.Headers[HeaderNames.CacheControl] = "no-cache";
}
