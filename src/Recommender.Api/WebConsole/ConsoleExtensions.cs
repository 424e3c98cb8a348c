using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Recommender.Api.WebConsole;

/// <summary>
/// Serves the web console (web/, built by Vite into the output's console/ folder by the project's BuildConsole target) at
/// / and GraphiQL at /graphql/ui. Without a built console those paths answer a short page saying how to build it.
/// </summary>
public static class ConsoleExtensions
{
    /// <summary>Where the built console is read from: Console:Path, else the console/ folder next to the binary.</summary>
    public static string ConsoleDirectory(IConfiguration configuration) =>
        configuration["Console:Path"] is { Length: > 0 } path ? Path.GetFullPath(path) : Path.Combine(AppContext.BaseDirectory, "console");

    /// <summary>Static files of the console (hashed assets cached for a year); call before mapping endpoints.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = ConsoleDirectory(app.Configuration);
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = ctx =>
            {
                var response = ctx.Context.Response;
                if (ctx.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
                {
                    ConsoleHeaders.Immutable(response);
                }
                else if (ctx.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    ConsoleHeaders.Html(response, ctx.File.Name == "graphiql.html" ? ConsoleHeaders.GraphiQLPolicy : ConsoleHeaders.ConsolePolicy);
                }
                else
                {
                    ConsoleHeaders.NoCache(response);
                }
            },
        });
        return app;
    }

    /// <summary>The console's pages (index.html) and GraphiQL (graphiql.html); everything else stays a 404.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = ConsoleDirectory(app.Configuration);
        foreach (var page in ConsoleRoutes.Pages)
        {
            app.MapMethods(page, [HttpMethods.Get, HttpMethods.Head], context =>
                ServeAsync(context, root, "index.html", ConsoleHeaders.ConsolePolicy)).ExcludeFromDescription();
        }

        app.MapMethods(ConsoleRoutes.GraphiQL, [HttpMethods.Get, HttpMethods.Head], context =>
            ServeAsync(context, root, "graphiql.html", ConsoleHeaders.GraphiQLPolicy)).ExcludeFromDescription();
        return app;
    }

    private static async Task ServeAsync(HttpContext context, string root, string file, string policy)
    {
        var path = Path.Combine(root, file);
        if (!File.Exists(path))
        {
            await NotBuiltAsync(context, root);
            return;
        }

        ConsoleHeaders.Html(context.Response, policy);
        context.Response.ContentType = "text/html; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentLength = new FileInfo(path).Length;
            return;
        }

        await context.Response.SendFileAsync(path, context.RequestAborted);
    }

    private static Task NotBuiltAsync(HttpContext context, string root)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'";
        var html = $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head><body>
            <h1>The web console is not built</h1>
            <p>No console files in <code>{System.Net.WebUtility.HtmlEncode(root)}</code>. Build it with
            <code>dotnet build src/Recommender.Api</code> (runs <code>npm ci</code> and <code>npm run build</code> in
            <code>web/</code>; needs Node.js and npm), without <code>-p:SkipConsoleBuild=true</code>.</p>
            <p>The GraphQL API works without it: <code>POST /graphql</code>.</p>
            </body></html>
            """;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : context.Response.WriteAsync(html, context.RequestAborted);
    }
}
