namespace Recommender.Web.Tests.Fixtures;

/// <summary>
/// Where screenshots go: <c>RECOMMENDER_SCREENSHOTS</c>, else <c>TestResults/screenshots</c> at the repository root
/// (the folder <c>scripts/test.sh</c> hands to <c>dotnet test</c> as its results directory), else next to the test binary.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Resolve();

    public static string PathFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var safe = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
        return Path.Combine(Directory, $"{safe}.png");
    }

    private static string Resolve()
    {
        var directory = Environment.GetEnvironmentVariable("RECOMMENDER_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot() ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recommender.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
