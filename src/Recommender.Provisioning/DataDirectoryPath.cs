using Microsoft.Extensions.Configuration;

namespace Recommender.Provisioning;

/// <summary>
/// The service's data directory, read the way the API host reads it: configuration key <c>DataDirectory</c>, else the
/// user's local application data folder (<c>~/.local/share/recommender</c>).
/// </summary>
internal static class DataDirectoryPath
{
    public const string ConfigurationKey = "DataDirectory";

    public static string Resolve(IConfiguration configuration)
    {
        if (configuration[ConfigurationKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(string.IsNullOrEmpty(local) ? AppContext.BaseDirectory : local, "recommender");
    }
}
