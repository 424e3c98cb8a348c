using Recommender.Secrets;

namespace Recommender.Testing.Stores;

/// <summary>Secret drafts for store tests. Values carry a recognisable marker so tests can prove they never leak.</summary>
public static class TestSecrets
{
    /// <summary>Every value made here contains this, so a log line or message containing it is a leak.</summary>
    public const string Canary = "CANARYv4lue";

    /// <summary>An ALIBABA draft whose values are derived from <paramref name="seed"/> (so versions are told apart).</summary>
    public static SecretDraft Alibaba(string name, string seed = "1", IReadOnlyList<string>? tags = null, string? region = "cn-hangzhou")
    {
        var values = new Dictionary<string, string>
        {
            [SecretSchema.AlibabaAccessKeyId] = $"LTAI{Canary}Id{seed}",
            [SecretSchema.AlibabaAccessKeySecret] = $"{Canary}Secret{seed}xyz",
        };
        if (region is not null)
        {
            values[SecretSchema.AlibabaRegionId] = region;
        }

        return new SecretDraft(name, SecretType.Alibaba, new SecretValues(values), tags ?? []);
    }

    /// <summary>The access key secret <see cref="Alibaba"/> puts in for <paramref name="seed"/>.</summary>
    public static string KeySecret(string seed = "1") => $"{Canary}Secret{seed}xyz";

    /// <summary>An organisation id no other test uses.</summary>
    public static string NewOrganization(string prefix = "org") => $"{prefix}-{Guid.NewGuid():N}";
}
