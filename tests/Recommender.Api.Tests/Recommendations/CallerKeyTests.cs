using System.Net;
using Recommender.Api.GraphQL.Recommendations;

namespace Recommender.Api.Tests.Recommendations;

public sealed class CallerKeyTests
{
    [Theory]
    [InlineData("203.0.113.7", "ip:203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "ip:203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "ip:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "ip:2001:db8:1:2::/64")]
    [InlineData("fe80::1%2", "ip:fe80::/64")]
    public void Addresses_are_normalised_so_one_client_is_one_caller(string address, string caller) =>
        Assert.Equal(caller, CallerKey.FromAddress(IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_is_one_shared_caller() => Assert.Equal(CallerKey.Unknown, CallerKey.FromAddress(null));
}
