namespace Recommender.Api.Operations;

/// <summary>
/// The environment when none is named: Development, so that the README's `dotnet run` starts the embedded defaults
/// (development token key, in-memory secrets), which Production refuses. Any named environment wins:
/// <c>--environment</c>, <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> (the container image names Production).
/// </summary>
public static class DefaultEnvironment
{
    /// <summary>Development when nothing names an environment, else null (let the host read it as usual).</summary>
    public static string? For(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var named = args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/environment", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"));
        return named ? null : Environments.Development;
    }
}
