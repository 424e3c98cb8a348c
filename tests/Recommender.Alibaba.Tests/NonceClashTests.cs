using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Recommender.Alibaba.Ecs;
using Recommender.Alibaba.OpenApi;
using Recommender.Core.Cloud;
using Recommender.Core.Errors;

namespace Recommender.Alibaba.Tests;

/// <summary>SignatureNonceUsed gets exactly one re-signed retry (contract §6); a gateway that keeps saying so is believed.</summary>
public sealed class NonceClashTests
{
    [Fact]
    public async Task A_nonce_clash_is_retried_once_with_a_new_nonce()
    {
        var gateway = new AlwaysNonceUsed();
        using var http = new HttpClient(gateway);
        var options = Options.Create(new AlibabaOptions { Endpoints = { ["Ecs"] = "http://127.0.0.1:9" }, BaseRetryDelay = TimeSpan.FromMilliseconds(1) });
        var client = new OpenApiClient(http, options, new FixedCredentials(), new ApiRateLimiter(TimeProvider.System, 0), TimeProvider.System);

        var error = await Assert.ThrowsAsync<CloudApiException>(() => new EcsClient(client).DescribeZonesAsync("cn-hangzhou", null, CancellationToken.None));

        Assert.Equal("SignatureNonceUsed", error.VendorCode);
        Assert.Equal(2, gateway.Nonces.Count);
        Assert.NotEqual(gateway.Nonces[0], gateway.Nonces[1]);
    }

    private sealed class AlwaysNonceUsed : HttpMessageHandler
    {
        public List<string> Nonces { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Nonces.Add(request.Headers.GetValues("x-acs-signature-nonce").Single());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"RequestId":"r1","Code":"SignatureNonceUsed","Message":"Specified signature nonce was used already."}""", Encoding.UTF8, "application/json"),
            });
        }
    }

    private sealed class FixedCredentials : ICredentialSource
    {
        public Task<CloudCredentials?> GetAsync(CredentialReference reference, CancellationToken ct) => Task.FromResult<CloudCredentials?>(new CloudCredentials("id", "secret"));
    }
}
