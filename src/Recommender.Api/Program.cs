using Recommender.Alibaba;
using Recommender.Api.Catalog;
using Recommender.Api.GraphQL;
using Recommender.Api.Operations;
using Recommender.Api.Recommendations;
using Recommender.Scrapers;

// Listen address: standard ASP.NET configuration (--urls, ASPNETCORE_URLS); `dotnet run` uses launchSettings.json.
var builder = WebApplication.CreateBuilder(args);
builder.AddOperations();
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddRecommendations(builder.Configuration);
builder.Services.AddAlibaba(builder.Configuration);
builder.Services.AddScrapers(builder.Configuration);
builder.Services.AddGraphQLApi(builder.Configuration);

var app = builder.Build();
if (await CatalogCommands.TryRunAsync(args, app.Services))
{
    return;
}

app.UseOperations();
app.MapOperations();
app.MapGraphQLApi();
await app.RunAsync();
