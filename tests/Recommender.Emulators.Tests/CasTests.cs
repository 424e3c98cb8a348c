namespace Recommender.Emulators.Tests;

/// <summary>Contract §4.5: check-and-set on writes, its exact messages, and <c>cas_required</c> at engine and key level.</summary>
public sealed class CasTests : VaultTestBase
{
    [Fact]
    public async Task Cas_0_creates_a_missing_key_and_then_fails_because_it_exists()
    {
        var created = await PostAsync("secret/data/app", """{"data":{"a":"1"},"options":{"cas":0}}""");
        Assert.Equal(200, created.Status);
        Assert.Equal(1, Int(created.Data, "version"));

        var again = await PostAsync("secret/data/app", """{"data":{"a":"2"},"options":{"cas":0}}""");
        AssertError(again, 400, "check-and-set parameter did not match the current version");
    }

    [Fact]
    public async Task Cas_equal_to_the_current_version_writes_the_next_one()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await WriteAsync("app", """{"a":"2"}""");
        var response = await PostAsync("secret/data/app", """{"data":{"a":"3"},"options":{"cas":2}}""");
        Assert.Equal(200, response.Status);
        Assert.Equal(3, Int(response.Data, "version"));
    }

    [Fact]
    public async Task Stale_cas_is_400_and_nothing_is_written()
    {
        await WriteAsync("app", """{"a":"1"}""");
        await WriteAsync("app", """{"a":"2"}""");
        var stale = await PostAsync("secret/data/app", """{"data":{"a":"x"},"options":{"cas":1}}""");
        AssertError(stale, 400, "check-and-set parameter did not match the current version");
        Assert.Equal(2, Int((await GetAsync("secret/metadata/app")).Data, "current_version"));
    }

    [Fact]
    public async Task Numeric_string_cas_is_accepted_like_the_weak_decoder()
    {
        await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"2"},"options":{"cas":"1"}}""")).Status);
    }

    [Theory]
    [InlineData("\"one\"")]
    [InlineData("1.5")]
    [InlineData("{}")]
    public async Task Non_integer_cas_is_a_parse_error(string cas)
    {
        var response = await PostAsync("secret/data/app", $$$"""{"data":{"a":"1"},"options":{"cas":{{{cas}}}}}""");
        AssertError(response, 400, "error parsing check-and-set parameter");
    }

    [Fact]
    public async Task Empty_options_mean_no_cas()
    {
        Vault.ConfigureKv("secret", casRequired: false);
        await WriteAsync("app", """{"a":"1"}""");
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"2"},"options":{}}""")).Status);
    }

    [Fact]
    public async Task Missing_data_is_reported_before_cas()
    {
        AssertError(await PostAsync("secret/data/app", """{"options":{"cas":"bad"}}"""), 400, "no data provided");
        AssertError(await PostAsync("secret/data/app", """{}"""), 400, "no data provided");
    }

    [Fact]
    public async Task Engine_cas_required_refuses_writes_without_cas()
    {
        Assert.Equal(204, (await PostAsync("secret/config", """{"cas_required":true}""")).Status);
        AssertError(await PostAsync("secret/data/app", """{"data":{"a":"1"}}"""), 400, "check-and-set parameter required for this call");
        AssertError(await PostAsync("secret/data/app", """{"data":{"a":"1"},"options":{}}"""), 400, "check-and-set parameter required for this call");
        Assert.Equal(200, (await PostAsync("secret/data/app", """{"data":{"a":"1"},"options":{"cas":0}}""")).Status);
        Assert.True((await GetAsync("secret/config")).Data.GetProperty("cas_required").GetBoolean());
    }

    [Fact]
    public async Task Key_cas_required_applies_to_that_key_only()
    {
        Assert.Equal(204, (await PostAsync("secret/metadata/guarded", """{"cas_required":true}""")).Status);
        AssertError(await PostAsync("secret/data/guarded", """{"data":{"a":"1"}}"""), 400, "check-and-set parameter required for this call");
        Assert.Equal(200, (await PostAsync("secret/data/guarded", """{"data":{"a":"1"},"options":{"cas":0}}""")).Status);
        Assert.Equal(200, (await PostAsync("secret/data/free", """{"data":{"a":"1"}}""")).Status);
        Assert.True((await GetAsync("secret/metadata/guarded")).Data.GetProperty("cas_required").GetBoolean());
    }

    [Fact]
    public async Task Cas_required_set_through_ConfigureKv()
    {
        Vault.ConfigureKv("secret", casRequired: true);
        AssertError(await PostAsync("secret/data/app", """{"data":{"a":"1"}}"""), 400, "check-and-set parameter required for this call");
    }

    [Fact]
    public async Task Cas_never_answers_412()
    {
        await WriteAsync("app", """{"a":"1"}""");
        var response = await PostAsync("secret/data/app", """{"data":{"a":"2"},"options":{"cas":5}}""");
        Assert.Equal(400, response.Status);
    }
}
