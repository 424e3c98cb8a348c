using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Errors;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

/// <summary>
/// A Vault (or a proxy in front of it) whose errors echo the request, body and token included: what the client puts in
/// its exceptions and logs is still free of both.
/// </summary>
public sealed class VaultErrorEchoTests
{
    private const string Token = "hvs.ECHOtoken0123456789";
    private const string Value = "LTAIechoedSecretValue42";

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.MethodNotAllowed)]
    public async Task Echoed_values_and_tokens_are_redacted(HttpStatusCode status)
    {
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        using var handler = new EchoHandler(status);
        using var http = new HttpClient(handler);
        var client = new HttpVaultClient(http, Options.Create(new VaultOptions
        {
            Address = new Uri("http://vault.invalid:8200"),
            Token = Token,
            BaseRetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(2),
        }), TimeProvider.System, loggers.CreateLogger<HttpVaultClient>());

        var error = await Assert.ThrowsAnyAsync<Exception>(
            () => client.WriteAsync("orgs/acme/x", new JsonObject { ["value"] = new JsonObject { ["k"] = Value } }, 0, CancellationToken.None));

        Assert.True(error is SecretsUnavailableException or VaultApiException, error.GetType().Name);
        foreach (var text in logs.Lines.Append(error.ToString()))
        {
            Assert.DoesNotContain(Value, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }
    }

    /// <summary>Answers every request with <c>errors</c> quoting the token header and the body.</summary>
    private sealed class EchoHandler(HttpStatusCode status) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            var token = request.Headers.TryGetValues("X-Vault-Token", out var values) ? values.First() : "";
            var errors = new JsonObject
            {
                ["errors"] = new JsonArray($"token {token} was used", $"bad input: {body}", "permission denied"),
            };
            return new HttpResponseMessage(status) { Content = new StringContent(errors.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }
}
