using System.Text.Json;

namespace Recommender.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PagingTests(ApiFactory api)
{
    private const string Query = """
        query ($first: Int, $after: String, $filter: InstanceTypeFilter) {
          instanceTypes(provider: "alibaba", region: "cn-test", first: $first, after: $after, filter: $filter, orderBy: { field: NAME }) {
            totalCount pageInfo { hasNextPage endCursor } edges { cursor node { name } } nodes { name }
          }
        }
        """;

    [Fact]
    public async Task Walking_pages_with_end_cursor_visits_every_match_once()
    {
        var filter = new { vcpu = new { max = 16 } };
        var expected = api.Catalog.Regions[0].InstanceTypes.Where(o => o.Type.Vcpu <= 16).Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = (await api.PostAsync(Query, new { first = 7, after, filter })).Data.GetProperty("instanceTypes");
            pages++;
            Assert.Equal(expected.Count, page.GetProperty("totalCount").GetInt32());
            var names = page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!).ToList();
            Assert.Equal(names, page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("name").GetString()!));
            seen.AddRange(names);
            var info = page.GetProperty("pageInfo");
            if (!info.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.InRange(names.Count, 1, 7);
                break;
            }

            Assert.Equal(7, names.Count);
            after = info.GetProperty("endCursor").GetString();
            Assert.Equal(page.GetProperty("edges")[6].GetProperty("cursor").GetString(), after);
        }

        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task An_edge_cursor_continues_right_after_that_edge()
    {
        var first = (await api.PostAsync(Query, new { first = 5 })).Data.GetProperty("instanceTypes");
        var cursor = first.GetProperty("edges")[2].GetProperty("cursor").GetString();

        var next = (await api.PostAsync(Query, new { first = 2, after = cursor })).Data.GetProperty("instanceTypes");

        Assert.Equal(
            first.GetProperty("nodes").EnumerateArray().Skip(3).Select(n => n.GetProperty("name").GetString()),
            next.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Last_page_has_no_next_page_and_an_empty_page_has_no_end_cursor()
    {
        var all = (await api.PostAsync(Query, new { first = 500 })).Data.GetProperty("instanceTypes");
        var last = all.GetProperty("pageInfo").GetProperty("endCursor").GetString();

        var after = (await api.PostAsync(Query, new { first = 10, after = last })).Data.GetProperty("instanceTypes");

        Assert.False(all.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(0, after.GetProperty("nodes").GetArrayLength());
        Assert.False(after.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
        Assert.Equal(api.Catalog.Regions[0].InstanceTypes.Count, after.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task First_zero_returns_only_the_count()
    {
        var page = (await api.PostAsync(Query, new { first = 0 })).Data.GetProperty("instanceTypes");

        Assert.Equal(0, page.GetProperty("nodes").GetArrayLength());
        Assert.True(page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(api.Catalog.Regions[0].InstanceTypes.Count, page.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData(501)]
    [InlineData(-1)]
    public async Task First_outside_0_to_500_is_bad_user_input(int first)
    {
        var r = await api.PostAsync(Query, new { first });

        Assert.Equal("BAD_USER_INPUT", r.ErrorCode);
        Assert.Equal("first", r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
    }

    [Fact]
    public async Task Foreign_or_garbage_cursors_are_bad_user_input()
    {
        var priceCursor = (await api.PostAsync("""
            { instanceTypes(provider: "alibaba", region: "cn-test", first: 1) { pageInfo { endCursor } } }
            """)).Data.GetProperty("instanceTypes").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        foreach (var after in new[] { priceCursor, "not-a-cursor!", Convert.ToBase64String("NAME:x"u8) })
        {
            var r = await api.PostAsync(Query, new { first = 1, after });

            Assert.Equal("BAD_USER_INPUT", r.ErrorCode);
            Assert.Equal("after", r.FirstError.GetProperty("extensions").GetProperty("argument").GetString());
        }
    }
}
