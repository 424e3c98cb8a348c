using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>
/// One KV v2 mount (contract §4): keys, versions, the engine config. Every request runs under the engine's lock, which never
/// covers I/O (the body is already read).
/// </summary>
internal sealed class KvEngine : IVaultBackend
{
    private readonly Lock gate = new();

    public string MountType => "kv";

    /// <summary>The engine config (<c>/config</c>); 0 max_versions means the default of 10.</summary>
    public KvSettings Config { get; } = new();

    /// <summary>Guarded by the engine's lock; ordinal order is LIST order.</summary>
    public SortedDictionary<string, KvKey> Keys { get; } = new(StringComparer.Ordinal);

    public void Configure(int maxVersions, bool casRequired, TimeSpan? deleteVersionAfter)
    {
        lock (gate)
        {
            Config.MaxVersions = maxVersions;
            Config.CasRequired = casRequired;
            Config.DeleteVersionAfter = deleteVersionAfter ?? TimeSpan.Zero;
        }
    }

    public string? Capability(VaultRequest request, string subPath)
    {
        var (area, key) = Split(subPath);
        if (request.Operation == VaultOperation.Write && area is "data" or "metadata")
        {
            lock (gate)
            {
                return Keys.ContainsKey(key) ? "update" : "create";
            }
        }

        return VaultPolicy.Default(request.Operation);
    }

    public VaultAnswer Handle(VaultRequest request, string subPath)
    {
        var (area, key) = Split(subPath);
        lock (gate)
        {
            return (area, request.Operation) switch
            {
                ("data", VaultOperation.Read) => KvData.Read(this, request, key),
                ("data", VaultOperation.Write) => KvData.Write(this, request, key),
                ("data", VaultOperation.Patch) => KvData.Patch(this, request, key),
                ("data", VaultOperation.Delete) => KvData.DeleteLatest(this, request, key),
                ("delete" or "undelete" or "destroy", VaultOperation.Write) => KvData.ChangeVersions(this, request, area, key),
                ("subkeys", VaultOperation.Read) => KvData.Subkeys(this, request, key),
                ("metadata", VaultOperation.Read) => KvMetadata.Read(this, key),
                ("metadata", VaultOperation.List) => KvMetadata.List(this, key),
                ("metadata", VaultOperation.Write) => KvMetadata.Write(this, request, key),
                ("metadata", VaultOperation.Patch) => KvMetadata.Patch(this, request, key),
                ("metadata", VaultOperation.Delete) => KvMetadata.Delete(this, key),
                ("config", VaultOperation.Read) when key.Length == 0 => VaultAnswer.Ok(ConfigData(), MountType),
                ("config", VaultOperation.Write) when key.Length == 0 => WriteConfig(request.Body),
                ("data" or "delete" or "undelete" or "destroy" or "subkeys" or "metadata" or "config", _) => throw VaultError.Unsupported(),
                _ => throw new VaultError(404, "unsupported path"),
            };
        }
    }

    /// <summary>§4.5: a present cas must equal the current version (0 for a missing key); else cas_required refuses the call.</summary>
    public void CheckCas(JsonObject body, KvKey? key)
    {
        var cas = KvParams.Cas(body);
        if (cas is { } expected)
        {
            if (expected != (key?.CurrentVersion ?? 0))
            {
                throw VaultError.BadRequest("check-and-set parameter did not match the current version");
            }
        }
        else if (Config.CasRequired || key?.Settings.CasRequired == true)
        {
            throw VaultError.BadRequest("check-and-set parameter required for this call");
        }
    }

    private JsonObject ConfigData() => new()
    {
        ["cas_required"] = Config.CasRequired,
        ["delete_version_after"] = GoDuration.Format(Config.DeleteVersionAfter),
        ["max_versions"] = Config.MaxVersions,
    };

    private VaultAnswer WriteConfig(JsonObject body)
    {
        var updated = Config.Copy();
        KvParams.ApplySettings(updated, body);
        Config.CopyFrom(updated);
        return VaultAnswer.NoContent;
    }

    private static (string Area, string Key) Split(string subPath)
    {
        var slash = subPath.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (subPath, string.Empty) : (subPath[..slash], subPath[(slash + 1)..]);
    }
}
