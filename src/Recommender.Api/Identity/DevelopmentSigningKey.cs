using System.Security.Cryptography;

namespace Recommender.Api.Identity;

/// <summary>
/// The HS256 key of the embedded default: 64 random bytes in <c>{data directory}/identity/development-signing-key</c>,
/// made on first use and readable by the owner only. Each data directory has its own, so tokens minted for one
/// installation mean nothing to another. Never used in Production.
/// </summary>
public static class DevelopmentSigningKey
{
    private const int KeyBytes = 64;

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "identity", "development-signing-key");

    /// <summary>The key of <paramref name="dataDirectory"/>, created when missing (racing creators agree on the first one written).</summary>
    public static byte[] LoadOrCreate(string dataDirectory)
    {
        var path = PathIn(dataDirectory);
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(key));
        }

        try
        {
            // No overwrite: if another process got there first, its key stands and ours is dropped.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return TryRead(path) ?? throw new InvalidOperationException($"The development signing key at {path} is unreadable.");
        }
    }

    private static byte[]? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        var key = Convert.FromBase64String(text);
        return key.Length >= 32 ? key : throw new InvalidOperationException($"The development signing key at {path} is shorter than 32 bytes.");
    }
}
