using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>One version of a KV v2 key. Mutable; guarded by its engine's lock.</summary>
internal sealed class KvVersion(int number, DateTimeOffset created, JsonObject data)
{
    public int Number { get; } = number;

    public DateTimeOffset Created { get; } = created;

    /// <summary>Set by a soft delete, or in advance by <c>delete_version_after</c>; the version reads as deleted once passed.</summary>
    public DateTimeOffset? DeletionTime { get; set; }

    public bool Destroyed { get; private set; }

    public JsonObject? Data { get; private set; } = data;

    public bool IsDeleted(DateTimeOffset now) => DeletionTime is { } at && at <= now;

    /// <summary>Neither destroyed nor soft-deleted.</summary>
    public bool IsLive(DateTimeOffset now) => !Destroyed && !IsDeleted(now);

    public void Destroy()
    {
        Destroyed = true;
        Data = null;
    }

    /// <summary>Contract §4.2: the version metadata object.</summary>
    public JsonObject Metadata(IReadOnlyDictionary<string, string>? customMetadata) => new()
    {
        ["created_time"] = VaultTime.Format(Created),
        ["custom_metadata"] = VaultJson.StringMap(customMetadata),
        ["deletion_time"] = DeletionTime is { } at ? VaultTime.Format(at) : string.Empty,
        ["destroyed"] = Destroyed,
        ["version"] = Number,
    };

    /// <summary>The entry under <c>versions</c> in a metadata read.</summary>
    public JsonObject Summary() => new()
    {
        ["created_time"] = VaultTime.Format(Created),
        ["deletion_time"] = DeletionTime is { } at ? VaultTime.Format(at) : string.Empty,
        ["destroyed"] = Destroyed,
    };
}
