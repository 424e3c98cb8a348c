using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recommender.Api.GraphQL;

namespace Recommender.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CancellationTests(ApiFactory api)
{
    [Fact]
    public async Task A_request_whose_client_is_gone_ends_quietly_without_a_response()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        using var scope = api.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = aborted.Token };
        context.Request.Method = "GET";
        context.Request.QueryString = QueryString.Create("query", "{ providers { id } }");
        var body = new MemoryStream();
        context.Response.Body = body;

        await GraphQLEndpoint.HandleAsync(context);

        Assert.Equal(0, body.Length);
        Assert.DoesNotContain(api.Logs.Entries, e => e.Exception is OperationCanceledException && e.Level >= LogLevel.Warning);
    }
}
