using System.Globalization;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>A KV v2 key: its metadata and the versions still kept. Mutable; guarded by its engine's lock.</summary>
internal sealed class KvKey(DateTimeOffset created)
{
    public const int DefaultMaxVersions = 10;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset Updated { get; set; } = created;

    public int CurrentVersion { get; private set; }

    public int OldestVersion { get; private set; }

    public KvSettings Settings { get; } = new();

    public Dictionary<string, string>? CustomMetadata { get; set; }

    public SortedDictionary<int, KvVersion> Versions { get; } = [];

    public KvVersion? Latest => Versions.GetValueOrDefault(CurrentVersion);

    /// <summary>Stores a new version (current + 1), pre-sets its deletion time and trims the oldest beyond the retention (§4.4).</summary>
    public KvVersion Add(JsonObject data, DateTimeOffset now, KvSettings engine)
    {
        var version = new KvVersion(CurrentVersion + 1, now, data);
        var deleteAfter = Settings.DeleteVersionAfter != TimeSpan.Zero ? Settings.DeleteVersionAfter : engine.DeleteVersionAfter;
        if (deleteAfter > TimeSpan.Zero)
        {
            version.DeletionTime = now + deleteAfter;
        }

        Versions[version.Number] = version;
        CurrentVersion = version.Number;
        Updated = now;
        var max = Settings.MaxVersions > 0 ? Settings.MaxVersions : engine.MaxVersions > 0 ? engine.MaxVersions : DefaultMaxVersions;
        var keepFrom = CurrentVersion - max + 1;
        if (keepFrom > 1 && Versions.Keys.First() < keepFrom)
        {
            foreach (var old in Versions.Keys.Where(v => v < keepFrom).ToList())
            {
                Versions.Remove(old);
            }

            OldestVersion = keepFrom;
        }

        return version;
    }

    private static string Number(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Contract §4.3: the <c>data</c> of a metadata read.</summary>
    public JsonObject Metadata() => new()
    {
        ["cas_required"] = Settings.CasRequired,
        ["created_time"] = VaultTime.Format(Created),
        ["current_version"] = CurrentVersion,
        ["custom_metadata"] = VaultJson.StringMap(CustomMetadata),
        ["delete_version_after"] = GoDuration.Format(Settings.DeleteVersionAfter),
        ["max_versions"] = Settings.MaxVersions,
        ["oldest_version"] = OldestVersion,
        ["updated_time"] = VaultTime.Format(Updated),
        ["versions"] = new JsonObject(Versions.Select(v => KeyValuePair.Create(Number(v.Key), (JsonNode?)v.Value.Summary()))),
    };
}
