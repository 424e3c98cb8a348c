using System.Net;
using Recommender.Web.Tests.Fixtures;

namespace Recommender.Web.Tests;

/// <summary>How the service serves the built console: console routes get index.html, server paths and missing assets never do.</summary>
public sealed class ConsoleServingTests(ConsoleFixture fixture) : IClassFixture<ConsoleFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/recommend")]
    [InlineData("/recommend?cpu=4")]
    public async Task Console_routes_answer_index_html_revalidated_with_a_content_security_policy(string path)
    {
        using var http = Client();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\">", body, StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/missing-0000.js")]
    [InlineData("/recommend/extra")]
    [InlineData("/healthz/x")]
    [InlineData("/api/v1/unknown")]
    [InlineData("/metrics/x")]
    [InlineData("/no-such-page")]
    public async Task Server_paths_and_missing_files_are_404_not_the_console(string path)
    {
        using var http = Client();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_graphql_is_unchanged()
    {
        using var http = Client();
        var index = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        var asset = System.Text.RegularExpressions.Regex.Match(index, "/assets/[^\"]+\\.js").Value;
        Assert.NotEmpty(asset);
        using var script = await http.GetAsync(new Uri(asset, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var graphql = await http.GetAsync(new Uri("/graphql?query=%7Bproviders%7Bid%7D%7D", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        Assert.Contains("\"alibaba\"", await graphql.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GraphiQL_is_its_own_page()
    {
        using var http = Client();
        using var response = await http.GetAsync(new Uri("/graphql/ui", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"graphiql\"", body, StringComparison.Ordinal);
        Assert.Contains("worker-src 'self' blob:", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_built_console_the_root_says_how_to_build_it()
    {
        var empty = Directory.CreateTempSubdirectory("recommender-no-console-");
        await using var host = new ServiceHost();
        host.Settings["Console:Path"] = empty.FullName;
        using var http = new HttpClient { BaseAddress = host.Start() };

        using var root = await http.GetAsync(new Uri("/", UriKind.Relative));
        var body = await root.Content.ReadAsStringAsync();
        using var graphql = await http.GetAsync(new Uri("/graphql?query=%7Bproviders%7Bid%7D%7D", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, root.StatusCode);
        Assert.Contains("The web console is not built", body, StringComparison.Ordinal);
        Assert.Contains("npm run build", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, graphql.StatusCode);
        empty.Delete(recursive: true);
    }

    private HttpClient Client() => new() { BaseAddress = fixture.BaseAddress };
}
