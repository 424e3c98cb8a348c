using Recommender.Expander.Kubernetes;

namespace Recommender.Expander.Tests.Kubernetes;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("500m", "0.5")]
    [InlineData("2", "2")]
    [InlineData("8", "8")]
    [InlineData("4Gi", "4294967296")]
    [InlineData("17179869184", "17179869184")]
    [InlineData("1e3", "1000")]
    [InlineData("1E3", "1000")]
    [InlineData("25e-2", "0.25")]
    [InlineData("1.5Gi", "1610612736")]
    [InlineData("128974848", "128974848")]
    [InlineData("129M", "129000000")]
    [InlineData("123Mi", "128974848")]
    [InlineData("100k", "100000")]
    [InlineData("1Ki", "1024")]
    [InlineData("2E", "2000000000000000000")]
    [InlineData("1Ei", "1152921504606846976")]
    [InlineData("250u", "0.00025")]
    [InlineData("3n", "0.000000003")]
    [InlineData("+1", "1")]
    [InlineData(".5", "0.5")]
    [InlineData("0", "0")]
    public void Parses_Kubernetes_quantities(string text, string expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("5Gb")]
    [InlineData("1e")]
    [InlineData("1e99")]
    [InlineData("1 Gi")]
    [InlineData("Gi")]
    [InlineData("99999999999999999999999999999Ei")]
    public void Rejects_what_Kubernetes_would_not_accept(string text) => Assert.False(Quantity.TryParse(text, out _));

    [Theory]
    [InlineData("100m", 100)]
    [InlineData("0.1", 100)]
    [InlineData("2", 2000)]
    [InlineData("1n", 1)]
    [InlineData("1.0001", 1001)]
    public void Milli_values_round_up_like_MilliValue(string text, long expected)
    {
        Assert.True(Quantity.TryParseMilli(text, out var milli));
        Assert.Equal(expected, milli);
    }

    [Theory]
    [InlineData("1Ki", 1024)]
    [InlineData("0.5", 1)]
    [InlineData("1500m", 2)]
    public void Whole_values_round_up_like_Value(string text, long expected)
    {
        Assert.True(Quantity.TryParseWhole(text, out var whole));
        Assert.Equal(expected, whole);
    }
}
