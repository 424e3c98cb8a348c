using System.Text;
using Recommender.Secrets.Vault;

namespace Recommender.Secrets.Tests;

public sealed class VaultSecretMirrorTests
{
    [Fact]
    public void Round_trips_through_custom_metadata()
    {
        var mirror = new VaultSecretMirror(7, "prod", SecretType.Alibaba, ["a", "b:c", "with,comma"], "alice");

        var map = mirror.ToCustomMetadata();

        Assert.Equal("7", map["recommender.version"]);
        Assert.Equal("alibaba", map["recommender.type"]);
        Assert.Equal("prod", map["recommender.name"]);
        Assert.Equal("3", map["recommender.tags"]);
        Assert.Equal("with,comma", map["recommender.tag.2"]);
        Assert.Equal(mirror, VaultSecretMirror.From(map), MirrorComparer.Instance);
    }

    [Fact]
    public void Long_texts_are_cut_into_values_of_at_most_512_bytes_between_code_points()
    {
        var name = string.Concat(Enumerable.Repeat("a🔑名", 100)); // 100 × (1 + 4 + 3) bytes = 800 bytes
        var mirror = new VaultSecretMirror(1, name, SecretType.Alibaba, [], new string('x', 1500));

        var map = mirror.ToCustomMetadata();

        Assert.All(map.Values, v => Assert.True(Encoding.UTF8.GetByteCount(v) <= VaultSecretMirror.MaxValueBytes));
        Assert.All(map.Values, v => Assert.False(v.Length > 0 && char.IsHighSurrogate(v[^1])));
        Assert.True(map.ContainsKey("recommender.name#1"));
        Assert.True(map.ContainsKey("recommender.updatedBy#2"));
        var back = VaultSecretMirror.From(map)!;
        Assert.Equal(name, back.Name);
        Assert.Equal(mirror.UpdatedBy, back.UpdatedBy);
    }

    [Fact]
    public void The_largest_allowed_secret_fits_in_vaults_limits()
    {
        var tags = Enumerable.Range(0, SecretSchema.MaxTags).Select(_ => new string('名', SecretSchema.MaxTagLength)).ToList();
        var mirror = new VaultSecretMirror(long.MaxValue, new string('名', SecretSchema.MaxNameLength), SecretType.Alibaba, tags, new string('x', 256));

        var map = mirror.ToCustomMetadata();

        Assert.True(mirror.Fits());
        Assert.True(map.Count <= VaultSecretMirror.MaxKeys);
        Assert.All(map.Keys, k => Assert.True(Encoding.UTF8.GetByteCount(k) <= 128));
    }

    [Fact]
    public void An_absurdly_long_author_does_not_fit()
    {
        var tags = Enumerable.Range(0, SecretSchema.MaxTags).Select(i => $"t{i}").ToList();
        Assert.False(new VaultSecretMirror(1, "n", SecretType.Alibaba, tags, new string('x', 64 * 512)).Fits());
    }

    [Theory]
    [InlineData("recommender.version")]
    [InlineData("recommender.type")]
    [InlineData("recommender.name")]
    [InlineData("recommender.updatedBy")]
    [InlineData("recommender.tags")]
    [InlineData("recommender.tag.1")]
    public void A_mirror_missing_any_part_reads_as_missing(string key)
    {
        var map = new VaultSecretMirror(2, "n", SecretType.Alibaba, ["a", "b"], "u").ToCustomMetadata();
        map.Remove(key);

        Assert.Null(VaultSecretMirror.From(map));
    }

    [Fact]
    public void Foreign_custom_metadata_is_not_a_mirror()
    {
        Assert.Null(VaultSecretMirror.From(new Dictionary<string, string> { ["owner"] = "ops" }));
        Assert.Null(VaultSecretMirror.From(new Dictionary<string, string>
        {
            ["recommender.version"] = "-1", ["recommender.type"] = "alibaba", ["recommender.name"] = "n",
            ["recommender.updatedBy"] = "u", ["recommender.tags"] = "0",
        }));
    }

    private sealed class MirrorComparer : IEqualityComparer<VaultSecretMirror?>
    {
        public static readonly MirrorComparer Instance = new();

        public bool Equals(VaultSecretMirror? x, VaultSecretMirror? y) =>
            x is not null && y is not null && x.Version == y.Version && x.Name == y.Name && x.Type == y.Type
            && x.UpdatedBy == y.UpdatedBy && x.Tags.SequenceEqual(y.Tags);

        public int GetHashCode(VaultSecretMirror? obj) => 0;
    }
}
