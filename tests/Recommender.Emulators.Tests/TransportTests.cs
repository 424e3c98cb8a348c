namespace Recommender.Emulators.Tests;

/// <summary>Contract §1–§3 and the "facts from the widely used clients": content type, verbs, LIST forms, body limits, path decoding.</summary>
public sealed class TransportTests : VaultTestBase
{
    protected override long MaxRequestBytes => 4096;

    [Fact]
    public async Task Content_type_is_exactly_application_json_on_success_and_on_errors()
    {
        var ok = await PostAsync("secret/data/app", """{"data":{"a":"1"}}""");
        Assert.Equal(200, ok.Status);
        Assert.Equal("application/json", ok.ContentType);
        Assert.Equal("application/json", (await GetAsync("secret/data/missing")).ContentType);
        Assert.Equal("application/json", (await GetAsync("secret/data/app", token: null)).ContentType);
        Assert.Equal("application/json", (await PostAsync("secret/data/app", "{")).ContentType);
        Assert.Equal("application/json", (await SendAsync("DELETE", "secret/data/app")).ContentType);
    }

    [Fact]
    public async Task No_content_answers_have_an_empty_body()
    {
        var response = await SendAsync("DELETE", "secret/data/app");
        Assert.Equal(204, response.Status);
        Assert.Equal(string.Empty, response.Text);
    }

    [Fact]
    public async Task Put_is_the_same_as_post()
    {
        var put = await SendAsync("PUT", "secret/data/app", """{"data":{"a":"1"}}""");
        Assert.Equal(200, put.Status);
        Assert.Equal(1, Int(put.Data, "version"));
    }

    [Theory]
    [InlineData("FOO")]
    [InlineData("OPTIONS")]
    [InlineData("HEAD")]
    public async Task Unknown_verbs_are_405(string method)
    {
        var response = await SendAsync(method, "secret/data/app");
        Assert.Equal(405, response.Status);
    }

    [Fact]
    public async Task Known_verb_on_a_path_without_that_operation_is_405()
    {
        AssertError(await SendAsync("LIST", "secret/data/app"), 405, "unsupported operation");
    }

    [Fact]
    public async Task Unparsable_list_value_is_400_with_empty_errors()
    {
        var response = await GetAsync("secret/metadata/?list=yes");
        Assert.Equal(400, response.Status);
        Assert.Equal("""{"errors":[]}""", response.Text);
    }

    [Fact]
    public async Task Invalid_json_is_400()
    {
        var response = await PostAsync("secret/data/app", """{"data":""");
        Assert.Equal(400, response.Status);
        Assert.StartsWith("failed to parse JSON input", response.Errors[0], StringComparison.Ordinal);
        Assert.Equal(400, (await PostAsync("secret/data/app", "[1,2]")).Status);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var big = new string('x', 5000);
        var response = await PostAsync("secret/data/app", $$$"""{"data":{"a":"{{{big}}}"}}""");
        Assert.Equal(413, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"small"}}""")).Status);
    }

    [Fact]
    public async Task Plus_in_a_path_is_a_plus_and_percent_escapes_decode_once()
    {
        await WriteAsync("a+b", """{"k":"plus"}""");
        await WriteAsync("c%2520d", """{"k":"percent"}""");
        Assert.Equal("""{"k":"plus"}""", (await GetAsync("secret/data/a%2Bb")).Data.GetProperty("data").GetRawText());
        var listed = await SendAsync("LIST", "secret/metadata");
        Assert.Equal(["a+b", "c%20d"], listed.Data.GetProperty("keys").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Utf8_paths_are_decoded()
    {
        await WriteAsync("caf%C3%A9", """{"k":"v"}""");
        Assert.Equal(200, (await GetAsync("secret/data/café")).Status);
        Assert.Equal("secret/data/café", Vault.Requests[^1].Path);
    }

    [Fact]
    public async Task Paths_outside_v1_are_404()
    {
        using var response = await Http.GetAsync(new Uri(Vault.BaseAddress, "secret/data/app"));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Errors_are_an_errors_array()
    {
        var response = await GetAsync("secret/data/app", token: null);
        Assert.Equal("""{"errors":["permission denied"]}""", response.Text);
    }

    [Fact]
    public async Task Unknown_path_inside_a_kv_mount_is_404()
    {
        Assert.Equal(404, (await GetAsync("secret/nothing/here")).Status);
    }
}
