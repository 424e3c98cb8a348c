namespace Recommender.Api.Operations;

/// <summary>
/// Where the embedded defaults keep files (the development signing key; later the operations database): configuration
/// key <c>DataDirectory</c>, else the user's local application data folder (<c>~/.local/share/recommender</c>).
/// </summary>
public static class DataDirectory
{
    public const string ConfigurationKey = "DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(local) ? AppContext.BaseDirectory : local, "recommender");
    }
}
