using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Recommender.Api.GraphQL;

namespace Recommender.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class GraphQLHttpTests(ApiFactory api)
{
    private const string Providers = "{ providers { id } }";

    [Fact]
    public async Task Post_json_without_accept_answers_graphql_response_json()
    {
        var r = await api.PostAsync(Providers);

        Assert.Equal(200, r.Status);
        Assert.Equal(ResponseMediaType.GraphQLResponse, r.ContentType?.MediaType);
        Assert.Equal("utf-8", r.ContentType?.CharSet);
        Assert.Equal("alibaba", r.Data.GetProperty("providers")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("application/json", ResponseMediaType.Json)]
    [InlineData("application/graphql-response+json", ResponseMediaType.GraphQLResponse)]
    [InlineData("*/*", ResponseMediaType.GraphQLResponse)]
    [InlineData("application/json;q=0.5, application/graphql-response+json", ResponseMediaType.GraphQLResponse)]
    [InlineData("text/html, application/json;q=0.9", ResponseMediaType.Json)]
    public async Task Response_media_type_follows_accept(string accept, string expected)
    {
        var r = await api.PostAsync(Providers, accept: accept);

        Assert.Equal(200, r.Status);
        Assert.Equal(expected, r.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/graphql-response+json;q=0, text/plain")]
    public async Task Unacceptable_accept_is_406(string accept)
    {
        var r = await api.PostAsync(Providers, accept: accept);

        Assert.Equal(406, r.Status);
        Assert.Equal(TransportError.NotAcceptable, r.ErrorCode);
    }

    [Fact]
    public async Task Get_runs_a_query()
    {
        var r = await api.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("query Q($p: String!) { regions(provider: $p) { id } }")
            + "&operationName=Q&variables=" + Uri.EscapeDataString("{\"p\":\"alibaba\"}"));

        Assert.Equal(200, r.Status);
        Assert.Equal(2, r.Data.GetProperty("regions").GetArrayLength());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    public async Task Mutation_over_get_is_405(string? accept)
    {
        var r = await api.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { refreshCatalog }"), accept: accept);

        Assert.Equal(405, r.Status);
        Assert.Contains(r.Json.GetProperty("errors").EnumerateArray(), e => e.GetProperty("extensions").GetProperty("code").GetString() == "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Other_methods_are_405()
    {
        var r = await api.SendAsync(HttpMethod.Put, "/graphql", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(405, r.Status);
        Assert.Equal(TransportError.MethodNotAllowed, r.ErrorCode);
    }

    [Fact]
    public async Task Post_application_graphql_body_is_the_query()
    {
        var r = await api.SendAsync(HttpMethod.Post, "/graphql", new StringContent(Providers, Encoding.UTF8, "application/graphql"));

        Assert.Equal(200, r.Status);
        Assert.Equal(1, r.Data.GetProperty("providers").GetArrayLength());
    }

    [Theory]
    [InlineData("text/plain", "utf-8")]
    [InlineData("application/x-www-form-urlencoded", null)]
    [InlineData("application/json", "latin1")]
    public async Task Unsupported_content_type_is_415(string mediaType, string? charset)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"query\":\"{ providers { id } }\"}"));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = charset };

        var r = await api.SendAsync(HttpMethod.Post, "/graphql", content);

        Assert.Equal(415, r.Status);
        Assert.Equal(TransportError.UnsupportedMediaType, r.ErrorCode);
    }

    [Fact]
    public async Task Post_without_content_type_is_415()
    {
        var r = await api.SendAsync(HttpMethod.Post, "/graphql", new ByteArrayContent(Encoding.UTF8.GetBytes("{}")));

        Assert.Equal(415, r.Status);
    }

    [Theory]
    [InlineData("NONSENSE")]
    [InlineData("{\"query\":")]
    [InlineData("{\"query\": 7}")]
    [InlineData("{\"query\": \"{ providers { id } }\", \"variables\": [7]}")]
    [InlineData("{\"qeury\": \"{ providers { id } }\"}")]
    [InlineData("null")]
    public async Task Malformed_requests_are_400_without_data(string body)
    {
        var r = await api.SendAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json"), "application/json");

        Assert.Equal(400, r.Status);
        Assert.False(r.HasData);
        Assert.Equal(TransportError.InvalidRequest, r.ErrorCode);
    }

    [Fact]
    public async Task Batches_are_rejected_with_400()
    {
        var body = "[{\"query\":\"{ providers { id } }\"},{\"query\":\"{ providers { name } }\"}]";

        var r = await api.SendAsync(HttpMethod.Post, "/graphql", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(400, r.Status);
        Assert.Equal(TransportError.BatchNotSupported, r.ErrorCode);
        Assert.Contains("Batched requests are not supported", r.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "SYNTAX_ERROR")]
    [InlineData("{ nope }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("query ($n: Int!) { instanceTypes(provider: \"alibaba\", region: \"cn-test\", first: $n) { totalCount } }", "INVALID_VALUE")]
    public async Task Request_errors_are_400_for_graphql_response_json_and_200_for_json(string query, string code)
    {
        var strict = await api.PostAsync(query);
        var legacy = await api.PostAsync(query, accept: "application/json");

        Assert.Equal(400, strict.Status);
        Assert.Equal(200, legacy.Status);
        Assert.Equal(code, strict.ErrorCode);
        Assert.False(strict.HasData);
        Assert.False(legacy.HasData);
    }

    [Fact]
    public async Task Field_errors_keep_200_and_data()
    {
        var r = await api.PostAsync("{ providers { id } regions(provider: \"nope\") { id } }");

        Assert.Equal(200, r.Status);
        Assert.Equal("NOT_FOUND", r.ErrorCode);
        Assert.Equal(JsonValueKind.Null, r.Data.ValueKind);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var padding = new string(' ', 5000);
        var r = await api.SendAsync(HttpMethod.Post, "/graphql",
            new StringContent("{\"query\":\"{ providers { id } }\"" + padding + "}", Encoding.UTF8, "application/json"));

        Assert.Equal(413, r.Status);
        Assert.Equal(TransportError.PayloadTooLarge, r.ErrorCode);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ providers { id } }\"" + new string(' ', 5000) + "}");
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var r = await api.SendAsync(HttpMethod.Post, "/graphql", content);

        Assert.Equal(413, r.Status);
        Assert.Equal(TransportError.PayloadTooLarge, r.ErrorCode);
    }

    [Fact]
    public async Task Queries_deeper_than_the_limit_are_400()
    {
        var deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType "
            + "{ ofType { ofType { ofType { name } } } } } } } } } } } } } } } }";

        var r = await api.PostAsync(deep);

        Assert.Equal(400, r.Status);
        Assert.Contains("depth", r.FirstError.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Limits_apply_to_get_as_well()
    {
        var deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType "
            + "{ ofType { ofType { ofType { name } } } } } } } } } } } } } } } }";

        var r = await api.SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(deep));

        Assert.Equal(400, r.Status);
        Assert.Contains("depth", r.FirstError.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Queries_over_the_complexity_budget_are_400()
    {
        var page = "instanceTypes(provider: \"alibaba\", region: \"cn-test\", first: 500) "
            + "{ nodes { name vcpu memoryGiB onDemandPrice spotPrices { zone price } availability { zone status } } }";
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 10).Select(i => $"p{i}: {page}")) + " }";

        var r = await api.PostAsync(query);

        Assert.Equal(400, r.Status);
        Assert.Contains("complexity", r.FirstError.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Full_introspection_query_passes_the_limits()
    {
        var r = await api.PostAsync(IntrospectionQuery.Text);

        Assert.True(r.Status == 200, r.ToString());
        Assert.Equal("Query", r.Data.GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    /// <summary>Reports no length, so the client must send the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
