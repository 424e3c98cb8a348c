using System.Globalization;
using System.Text;

namespace Recommender.Secrets.Vault;

/// <summary>
/// What queries need from a secret, copied into its key's <c>custom_metadata</c> so that Get and List read the
/// metadata endpoint only and never pull values out of Vault. Written right after each data write, describing the data
/// version <see cref="Version"/>; a mirror that is missing, unreadable or older than the key's current version (a crash
/// between the two writes, or a writer that lost the race) is rebuilt from the data by the next reader.
/// <para>
/// Layout (custom_metadata is string to string; Vault allows 64 keys, 128-byte keys and 512-byte values):
/// <c>recommender.version</c> = the data version described; <c>recommender.type</c> = <c>alibaba</c>;
/// <c>recommender.name</c>, <c>recommender.updatedBy</c> = the text; <c>recommender.tags</c> = the number of tags, and
/// <c>recommender.tag.0</c>, <c>recommender.tag.1</c>… = each tag, in sorted order. One tag per key, so no separator
/// has to be escaped. A text longer than 512 UTF-8 bytes continues in <c>KEY#1</c>, <c>KEY#2</c>… (cut between code
/// points); the name (≤ 200 characters) takes at most two keys, a tag one.
/// </para>
/// </summary>
internal sealed record VaultSecretMirror(long Version, string Name, SecretType Type, IReadOnlyList<string> Tags, string UpdatedBy)
{
    public const int MaxKeys = 64;
    public const int MaxValueBytes = 512;

    private const string Prefix = "recommender.";
    private const string VersionKey = Prefix + "version";
    private const string TypeKey = Prefix + "type";
    private const string NameKey = Prefix + "name";
    private const string UpdatedByKey = Prefix + "updatedBy";
    private const string TagCountKey = Prefix + "tags";
    private const string TagKeyPrefix = Prefix + "tag.";

    public static VaultSecretMirror Of(VaultStoredSecret secret, long version)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new VaultSecretMirror(version, secret.Name, secret.Type, secret.Tags, secret.UpdatedBy);
    }

    public Dictionary<string, string> ToCustomMetadata()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VersionKey] = Version.ToString(CultureInfo.InvariantCulture),
            [TypeKey] = VaultStoredSecret.TypeName(Type),
            [TagCountKey] = Tags.Count.ToString(CultureInfo.InvariantCulture),
        };
        Put(map, NameKey, Name);
        Put(map, UpdatedByKey, UpdatedBy);
        for (var i = 0; i < Tags.Count; i++)
        {
            Put(map, TagKeyPrefix + i.ToString(CultureInfo.InvariantCulture), Tags[i]);
        }

        return map;
    }

    /// <summary>True when the mirror fits in Vault's custom_metadata limits.</summary>
    public bool Fits() => ToCustomMetadata().Count <= MaxKeys;

    /// <summary>The mirror in <paramref name="customMetadata"/>; null when absent or incomplete (then it is repaired).</summary>
    public static VaultSecretMirror? From(IReadOnlyDictionary<string, string> customMetadata)
    {
        ArgumentNullException.ThrowIfNull(customMetadata);
        if (!long.TryParse(customMetadata.GetValueOrDefault(VersionKey), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || VaultStoredSecret.ParseType(customMetadata.GetValueOrDefault(TypeKey)) is not { } type
            || Get(customMetadata, NameKey) is not { } name
            || Get(customMetadata, UpdatedByKey) is not { } updatedBy
            || !int.TryParse(customMetadata.GetValueOrDefault(TagCountKey), NumberStyles.None, CultureInfo.InvariantCulture, out var tagCount)
            || tagCount > MaxKeys)
        {
            return null;
        }

        var tags = new List<string>(tagCount);
        for (var i = 0; i < tagCount; i++)
        {
            if (Get(customMetadata, TagKeyPrefix + i.ToString(CultureInfo.InvariantCulture)) is not { } tag)
            {
                return null;
            }

            tags.Add(tag);
        }

        return new VaultSecretMirror(version, name, type, tags, updatedBy);
    }

    private static void Put(Dictionary<string, string> map, string key, string text)
    {
        var chunk = 0;
        var start = 0;
        do
        {
            var end = start;
            var bytes = 0;
            while (end < text.Length)
            {
                var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
                if (bytes + size > MaxValueBytes)
                {
                    break;
                }

                bytes += size;
                end += width;
            }

            map[chunk == 0 ? key : $"{key}#{chunk.ToString(CultureInfo.InvariantCulture)}"] = text[start..end];
            chunk++;
            start = end;
        }
        while (start < text.Length);
    }

    private static string? Get(IReadOnlyDictionary<string, string> map, string key)
    {
        if (!map.TryGetValue(key, out var first))
        {
            return null;
        }

        var text = new StringBuilder(first);
        for (var chunk = 1; map.TryGetValue($"{key}#{chunk.ToString(CultureInfo.InvariantCulture)}", out var next); chunk++)
        {
            text.Append(next);
        }

        return text.ToString();
    }
}
