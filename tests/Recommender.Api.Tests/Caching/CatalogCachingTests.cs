using Microsoft.Extensions.DependencyInjection;
using Recommender.Api.GraphQL.Caching;
using Recommender.Testing.Builders;

namespace Recommender.Api.Tests.Caching;

/// <summary>HTTP caching of catalog answers (ETag, 304, Cache-Control) and the server-side answer cache behind it.</summary>
public sealed class CatalogCachingTests : IDisposable
{
    private const string Catalog = "{ instanceTypes(provider: \"alibaba\", region: \"cn-test\", first: 3) { totalCount nodes { name onDemandPrice } } }";

    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public CatalogCachingTests() => client = api.CreateClient();

    public void Dispose()
    {
        client.Dispose();
        api.Dispose();
    }

    [Fact]
    public async Task A_catalog_query_over_GET_has_an_entity_tag_and_a_revalidation_answers_304_without_a_body()
    {
        using var first = await GetAsync(Catalog);
        var tag = first.Headers.ETag!.Tag;
        using var again = await GetAsync(Catalog, tag);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.StartsWith("public, max-age=", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Accept", first.Headers.Vary);
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Equal(304, (int)again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag!.Tag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task When_a_region_changes_version_the_old_tag_no_longer_matches_and_the_answer_is_new()
    {
        using var before = await GetAsync(Catalog);
        var tag = before.Headers.ETag!.Tag;
        var region = api.Catalog.Regions[0];
        api.InProcessCatalog.Adopt(CatalogBuilder.Region(region.InstanceTypes.Take(2), version: region.Version + 1));

        using var after = await GetAsync(Catalog, tag);

        Assert.Equal(200, (int)after.StatusCode);
        Assert.NotEqual(tag, after.Headers.ETag!.Tag);
        Assert.Contains("\"totalCount\":2", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posted_catalog_queries_are_answered_from_the_answer_cache_until_the_catalog_changes()
    {
        var cache = api.Services.GetRequiredService<CatalogAnswerCache>();

        var first = await api.PostAsync(Catalog);
        var second = await api.PostAsync(Catalog);
        var region = api.Catalog.Regions[0];
        api.InProcessCatalog.Adopt(CatalogBuilder.Region(region.InstanceTypes.Take(1), version: region.Version + 1));
        var third = await api.PostAsync(Catalog);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(1, cache.Count);
        Assert.Equal(1, third.Data.GetProperty("instanceTypes").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Different_variables_or_media_types_get_different_tags()
    {
        const string query = "query($n: Int) { instanceTypes(provider: \"alibaba\", region: \"cn-test\", first: $n) { totalCount } }";

        using var one = await GetAsync(query, variables: "{\"n\":1}");
        using var two = await GetAsync(query, variables: "{\"n\":2}");
        using var json = await GetAsync(query, variables: "{\"n\":1}", accept: "application/json");

        Assert.NotEqual(one.Headers.ETag!.Tag, two.Headers.ETag!.Tag);
        Assert.NotEqual(one.Headers.ETag!.Tag, json.Headers.ETag!.Tag);
    }

    [Theory]
    [InlineData("{ catalogStatus { regions { region ageSeconds } } }")]
    [InlineData("{ providers { id } catalogStatus { regions { region } } }")]
    [InlineData("{ ...F } fragment F on Query { catalogStatus { regions { region } } }")]
    [InlineData("{ instanceTypes(provider: \"alibaba\", region: \"nowhere\") { totalCount } }")]
    public async Task Answers_that_are_not_pure_catalog_data_carry_no_tag(string query)
    {
        using var r = await GetAsync(query);

        Assert.Null(r.Headers.ETag);
        Assert.DoesNotContain("max-age", r.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_answer_cache_off_there_is_no_HTTP_caching_either()
    {
        using var off = new ApiFactory();
        off.Settings["GraphQL:AnswerCacheBytes"] = "0";

        var r = await off.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Catalog));

        Assert.Equal(200, r.Status);
        Assert.Null(r.ETag);
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string? ifNoneMatch = null, string? variables = null, string? accept = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query) + (variables is null ? string.Empty : "&variables=" + Uri.EscapeDataString(variables));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.ParseAdd(ifNoneMatch);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }
}
