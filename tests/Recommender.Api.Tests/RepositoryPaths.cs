namespace Recommender.Api.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "schema", "schema.graphql");

    public static string Operations => Path.Combine(Root, "schema", "operations");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Recommender.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Recommender.sln not found above " + AppContext.BaseDirectory);
    }
}
