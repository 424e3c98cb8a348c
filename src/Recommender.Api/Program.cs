using Recommender.Api.Catalog;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCatalog(builder.Configuration);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("ok"));
app.Run();
