using Microsoft.Extensions.Configuration;
using Recommender.Api.Operations;

namespace Recommender.Api.Tests.Expander;

public sealed class HostingAddressesTests
{
    [Theory]
    [InlineData("urls", "http://0.0.0.0:5000; http://localhost:5001", "http://0.0.0.0:5000|http://localhost:5001")]
    [InlineData("http_ports", "8080;8081", "http://*:8080|http://*:8081")]
    [InlineData("https_ports", "8443", "https://*:8443")]
    [InlineData("other", "x", "http://127.0.0.1:8080")]
    public void Reads_the_addresses_ASP_NET_would_listen_on(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Equal(expected.Split('|'), HostingAddresses.From(configuration));
    }

    [Fact]
    public void Urls_win_over_ports()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:9000",
            ["http_ports"] = "8080",
        }).Build();

        Assert.Equal(["http://127.0.0.1:9000"], HostingAddresses.From(configuration));
    }
}
