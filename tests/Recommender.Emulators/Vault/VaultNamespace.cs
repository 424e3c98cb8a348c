using System.Collections.Concurrent;

namespace Recommender.Emulators.Vault;

/// <summary>A namespace (contract §8): its own KV mounts and AppRole auth mounts; the root namespace has path <c>""</c>.</summary>
internal sealed class VaultNamespace(string path)
{
    /// <summary><c>""</c> for the root, else <c>team1/</c> or <c>a/b/</c>.</summary>
    public string Path { get; } = path;

    public ConcurrentDictionary<string, KvEngine> Kv { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, AppRoleBackend> AppRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>The AppRole mount of a <c>auth/{mount}/login</c> path, if there is one.</summary>
    public AppRoleBackend? Login(string path)
    {
        const string Prefix = "auth/", Suffix = "/login";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || !path.EndsWith(Suffix, StringComparison.Ordinal) || path.Length <= 11)
        {
            return null;
        }

        return AppRoles.GetValueOrDefault(path[Prefix.Length..^Suffix.Length]);
    }

    /// <summary>The backend whose mount is the longest prefix of <paramref name="path"/>, and the path below the mount.</summary>
    public (IVaultBackend? Backend, string SubPath) Find(string path, TokenBackend tokens)
    {
        if (path.StartsWith("auth/token/", StringComparison.Ordinal))
        {
            return (tokens, path["auth/token/".Length..]);
        }

        var mount = Kv.Keys
            .Where(m => path.StartsWith(m + "/", StringComparison.Ordinal) || path == m)
            .OrderByDescending(m => m.Length)
            .FirstOrDefault();
        return mount is null ? (null, path) : (Kv[mount], path.Length > mount.Length ? path[(mount.Length + 1)..] : string.Empty);
    }
}
