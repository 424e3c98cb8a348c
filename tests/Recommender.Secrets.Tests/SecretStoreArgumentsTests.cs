using Recommender.Core.Errors;

namespace Recommender.Secrets.Tests;

public sealed class SecretStoreArgumentsTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("org_42")]
    [InlineData("a-b.c")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void Safe_organisation_ids_pass(string organization) => SecretStoreArguments.RequireOrganization(organization);

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("x/..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a%2e%2e")]
    [InlineData("ä")]
    [InlineData("a\u0000b")]
    [InlineData("a\nb")]
    public void Unsafe_organisation_ids_are_rejected(string organization)
    {
        var error = Assert.Throws<ValidationException>(() => SecretStoreArguments.RequireOrganization(organization));
        Assert.Equal("organization", error.Argument);
    }

    [Fact]
    public void An_organisation_id_is_at_most_128_characters()
    {
        SecretStoreArguments.RequireOrganization(new string('a', 128));
        Assert.Throws<ValidationException>(() => SecretStoreArguments.RequireOrganization(new string('a', 129)));
    }

    [Fact]
    public void A_secret_id_is_the_hash_shape()
    {
        SecretStoreArguments.RequireId(SecretIds.FromName("x"));
        Assert.Throws<ValidationException>(() => SecretStoreArguments.RequireId(SecretIds.FromName("x").ToUpperInvariant()));
        Assert.Throws<ValidationException>(() => SecretStoreArguments.RequireId("../" + SecretIds.FromName("x")[3..]));
    }
}
