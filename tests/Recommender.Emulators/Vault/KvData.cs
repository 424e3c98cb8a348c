using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>
/// The <c>data/</c>, <c>delete/</c>, <c>undelete/</c>, <c>destroy/</c> and <c>subkeys/</c> endpoints (contract §4.1, §4.4–§4.7),
/// run under the engine's lock.
/// </summary>
internal static class KvData
{
    public static VaultAnswer Read(KvEngine engine, VaultRequest request, string path)
    {
        var key = engine.Keys.GetValueOrDefault(path);
        var version = Find(key, KvParams.Query(request, "version")) ?? throw VaultError.NotFound();
        var metadata = version.Metadata(key!.CustomMetadata);
        if (!version.IsLive(request.Now))
        {
            throw NotFoundWith(new JsonObject { ["data"] = null, ["metadata"] = metadata }, engine);
        }

        return VaultAnswer.Ok(new JsonObject { ["data"] = version.Data!.DeepClone(), ["metadata"] = metadata }, engine.MountType);
    }

    public static VaultAnswer Write(KvEngine engine, VaultRequest request, string path)
    {
        var data = KvParams.Data(request.Body);
        if (path.Length == 0)
        {
            throw VaultError.BadRequest("missing path");
        }

        var key = engine.Keys.GetValueOrDefault(path);
        engine.CheckCas(request.Body, key);
        if (key is null)
        {
            key = new KvKey(request.Now);
            engine.Keys[path] = key;
        }

        var version = key.Add((JsonObject)data.DeepClone(), request.Now, engine.Config);
        return VaultAnswer.Ok(version.Metadata(key.CustomMetadata), engine.MountType);
    }

    /// <summary>§4.6: RFC 7396 merge into the latest version, stored as a new version.</summary>
    public static VaultAnswer Patch(KvEngine engine, VaultRequest request, string path)
    {
        var patch = KvParams.Data(request.Body);
        var key = engine.Keys.GetValueOrDefault(path);
        if (key?.Latest is null)
        {
            throw VaultError.NotFound();
        }

        engine.CheckCas(request.Body, key);
        var latest = key.Latest;
        if (!latest.IsLive(request.Now))
        {
            throw NotFoundWith(latest.Metadata(key.CustomMetadata), engine);
        }

        var merged = (JsonObject)MergePatch.Apply(latest.Data, patch)!;
        var version = key.Add(merged, request.Now, engine.Config);
        return VaultAnswer.Ok(version.Metadata(key.CustomMetadata), engine.MountType);
    }

    /// <summary>Soft-deletes the latest version; a no-op (still 204) when already deleted or destroyed, or the key is unknown.</summary>
    public static VaultAnswer DeleteLatest(KvEngine engine, VaultRequest request, string path)
    {
        if (engine.Keys.GetValueOrDefault(path)?.Latest is { } latest && latest.IsLive(request.Now))
        {
            latest.DeletionTime = request.Now;
        }

        return VaultAnswer.NoContent;
    }

    /// <summary><c>delete/</c>, <c>undelete/</c> or <c>destroy/</c> of the listed versions; unknown versions are skipped.</summary>
    public static VaultAnswer ChangeVersions(KvEngine engine, VaultRequest request, string action, string path)
    {
        var numbers = KvParams.Versions(request.Body);
        var key = engine.Keys.GetValueOrDefault(path);
        foreach (var version in numbers.Select(n => key?.Versions.GetValueOrDefault(n)).OfType<KvVersion>())
        {
            switch (action)
            {
                case "delete" when version.IsLive(request.Now):
                    version.DeletionTime = request.Now;
                    break;
                case "undelete" when !version.Destroyed:
                    version.DeletionTime = null;
                    break;
                case "destroy":
                    version.Destroy();
                    break;
            }
        }

        return VaultAnswer.NoContent;
    }

    /// <summary><c>subkeys/{path}?version=&amp;depth=</c>: the data's shape with every leaf <c>null</c>.</summary>
    public static VaultAnswer Subkeys(KvEngine engine, VaultRequest request, string path)
    {
        var key = engine.Keys.GetValueOrDefault(path);
        var version = Find(key, KvParams.Query(request, "version")) ?? throw VaultError.NotFound();
        var depth = KvParams.Query(request, "depth");
        var metadata = version.Metadata(key!.CustomMetadata);
        if (!version.IsLive(request.Now))
        {
            throw NotFoundWith(new JsonObject { ["subkeys"] = null, ["metadata"] = metadata }, engine);
        }

        return VaultAnswer.Ok(new JsonObject { ["subkeys"] = Shape(version.Data!, depth, 1), ["metadata"] = metadata }, engine.MountType);
    }

    private static KvVersion? Find(KvKey? key, int number) =>
        key?.Versions.GetValueOrDefault(number > 0 ? number : key.CurrentVersion);

    private static JsonObject Shape(JsonObject data, int depth, int level) =>
        new(data.Select(p => KeyValuePair.Create(p.Key, Descend(p.Value, depth, level))));

    private static JsonNode? Descend(JsonNode? value, int depth, int level) =>
        value is JsonObject child && (depth <= 0 || level < depth) ? Shape(child, depth, level + 1) : null;

    /// <summary>§4.7: a 404 whose body is the full envelope, so the client still sees the version's metadata.</summary>
    private static VaultError NotFoundWith(JsonObject data, KvEngine engine) =>
        new(404) { Body = VaultJson.Envelope(data, engine.MountType) };
}
