using System.Collections.Concurrent;

namespace Recommender.Emulators.Vault;

/// <summary>Every namespace, and how a request picks one: the <c>X-Vault-Namespace</c> header, then path prefixes (contract §8).</summary>
internal sealed class VaultNamespaces
{
    private readonly ConcurrentDictionary<string, VaultNamespace> all = new(StringComparer.Ordinal);

    public VaultNamespaces() => all[string.Empty] = Root;

    public VaultNamespace Root { get; } = new(string.Empty);

    /// <summary><c>"a/b"</c>, <c>"/a/b/"</c> → <c>"a/b/"</c>; empty or null → <c>""</c> (root).</summary>
    public static string Normalize(string? path)
    {
        var trimmed = (path ?? string.Empty).Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : trimmed + "/";
    }

    /// <summary>Adds the namespace and its parents.</summary>
    public VaultNamespace Add(string path)
    {
        var normalized = Normalize(path);
        var parts = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = Root;
        for (var i = 0; i < parts.Length; i++)
        {
            var prefix = string.Join('/', parts[..(i + 1)]) + "/";
            current = all.GetOrAdd(prefix, p => new VaultNamespace(p));
        }

        return current;
    }

    public VaultNamespace Get(string? path) =>
        all.GetValueOrDefault(Normalize(path))
        ?? throw new ArgumentException($"Unknown namespace '{path}'; call AddNamespace first.", nameof(path));

    /// <summary>The namespace of a request and its path relative to it; null namespace when the header names an unknown one.</summary>
    public (VaultNamespace? Namespace, string Path) TryResolve(string? header, string path)
    {
        var ns = all.GetValueOrDefault(Normalize(header));
        if (ns is null)
        {
            return (null, path);
        }

        while (path.IndexOf('/', StringComparison.Ordinal) is var slash and > 0
            && all.TryGetValue(ns.Path + path[..slash] + "/", out var child))
        {
            ns = child;
            path = path[(slash + 1)..];
        }

        return (ns, path);
    }
}
