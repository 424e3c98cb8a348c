namespace Recommender.Api.WebConsole;

/// <summary>
/// The console's page paths (web/src/routes.ts): the service answers index.html for these and only these, so a typo
/// under a server path (/graphql, /api/..., /healthz) or a missing asset is a plain 404, never the console's page.
/// </summary>
public static class ConsoleRoutes
{
    /// <summary>Exact paths of console pages; keep in step with web/src/routes.ts.</summary>
    public static readonly IReadOnlyList<string> Pages =
    [
        "/",
        "/recommend",
        "/scale-out",
        "/provision",
        "/clusters",
        "/secrets",
        "/signin",
    ];

    /// <summary>GraphiQL, its own entry (graphiql.html) so its code never loads on the console.</summary>
    public const string GraphiQL = "/graphql/ui";
}
