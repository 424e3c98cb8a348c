using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>The <c>metadata/</c> endpoints (contract §4.1, §4.3): read, LIST, write, patch, delete; under the engine's lock.</summary>
internal static class KvMetadata
{
    public static VaultAnswer Read(KvEngine engine, string path) =>
        VaultAnswer.Ok((engine.Keys.GetValueOrDefault(path) ?? throw VaultError.NotFound()).Metadata(), engine.MountType);

    /// <summary>Keys directly under <paramref name="folder"/> (which ends in <c>/</c> or is empty); sub-folders end in <c>/</c>.</summary>
    public static VaultAnswer List(KvEngine engine, string folder)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in engine.Keys.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal) && k.Length > folder.Length))
        {
            var rest = path[folder.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            names.Add(slash < 0 ? rest : rest[..(slash + 1)]);
        }

        return names.Count == 0
            ? throw VaultError.NotFound()
            : VaultAnswer.Ok(new JsonObject { ["keys"] = VaultJson.Strings(names) }, engine.MountType);
    }

    /// <summary>Creates the key's metadata when missing; <c>custom_metadata</c>, when sent, replaces the old map.</summary>
    public static VaultAnswer Write(KvEngine engine, VaultRequest request, string path)
    {
        if (path.Length == 0)
        {
            throw VaultError.BadRequest("missing path");
        }

        var key = engine.Keys.GetValueOrDefault(path);
        var settings = key?.Settings.Copy() ?? new KvSettings();
        KvParams.ApplySettings(settings, request.Body);
        var custom = KvParams.CustomMetadata(request.Body);
        if (key is null)
        {
            key = new KvKey(request.Now);
            engine.Keys[path] = key;
        }

        key.Settings.CopyFrom(settings);
        if (custom is not null)
        {
            key.CustomMetadata = custom
                .Where(p => p.Value is not null)
                .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        }

        key.Updated = request.Now;
        return VaultAnswer.NoContent;
    }

    /// <summary>Like a write on an existing key, but <c>custom_metadata</c> merges (a <c>null</c> value removes the entry).</summary>
    public static VaultAnswer Patch(KvEngine engine, VaultRequest request, string path)
    {
        var key = engine.Keys.GetValueOrDefault(path) ?? throw VaultError.NotFound();
        var settings = key.Settings.Copy();
        KvParams.ApplySettings(settings, request.Body);
        var custom = KvParams.CustomMetadata(request.Body);
        key.Settings.CopyFrom(settings);
        if (custom is not null)
        {
            var merged = new Dictionary<string, string>(key.CustomMetadata ?? [], StringComparer.Ordinal);
            foreach (var (name, value) in custom)
            {
                if (value is null)
                {
                    merged.Remove(name);
                }
                else
                {
                    merged[name] = value.GetValue<string>();
                }
            }

            key.CustomMetadata = merged;
        }

        key.Updated = request.Now;
        return VaultAnswer.NoContent;
    }

    /// <summary>Removes every version and the metadata; the next write starts at version 1.</summary>
    public static VaultAnswer Delete(KvEngine engine, string path)
    {
        engine.Keys.Remove(path);
        return VaultAnswer.NoContent;
    }
}
