using Recommender.Alibaba;
using Recommender.Api.Catalog;
using Recommender.Api.WebConsole;
using Recommender.Api.Expander;
using Recommender.Api.GraphQL;
using Recommender.Api.Identity;
using Recommender.Api.Operations;
using Recommender.Api.Provisioning;
using Recommender.Api.Recommendations;
using Recommender.Expander.Hosting;
using Recommender.Provisioning;
using Recommender.Scrapers;
using Recommender.Secrets;

// Listen address: standard ASP.NET configuration (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS), else 127.0.0.1:8080.
// Content root = the binary's folder, so appsettings.json applies whatever the working directory (`dotnet x.dll` from
// the repository root would otherwise run without it).
// No named environment: Development, the embedded defaults (see DefaultEnvironment); the container image names Production.
if (ExpanderCertificateCommand.TryRun(args, Console.Out, Console.Error))
{
    return;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
    EnvironmentName = DefaultEnvironment.For(args),
});
if (DevTokenCommand.TryRun(args, builder.Configuration, builder.Environment, Console.Out, Console.Error))
{
    return;
}

builder.AddOperations();
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddRecommendations(builder.Configuration);
builder.Services.AddAlibaba(builder.Configuration);
builder.Services.AddSecrets(builder.Configuration); // after AddAlibaba: wraps its credential source
builder.Services.AddProvisioning(builder.Configuration);
builder.Services.AddIdentity(builder.Configuration);
builder.Services.AddScrapers(builder.Configuration);
builder.Services.AddGraphQLApi(builder.Configuration);
builder.AddExpander(); // after AddOperations: when enabled, re-listens on the API's addresses next to its own port

var app = builder.Build();
if (await CatalogCommands.TryRunAsync(args, app.Services))
{
    return;
}

app.UseOperations();
app.UseConsole();
app.MapOperations();
app.MapConsole();
app.MapGraphQLApi();
app.MapPost(PipelineClusterEndpoint.Pattern, PipelineClusterEndpoint.HandleAsync);
app.UseExpander();
await app.RunAsync();
