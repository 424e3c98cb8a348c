using Recommender.Secrets;
using Xunit;

namespace Recommender.Testing.Stores;

/// <summary>Compares secret metadata field by field (records compare their tag lists by reference).</summary>
public static class SecretAssert
{
    public static void Same(SecretMetadata? expected, SecretMetadata? actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Organization, actual.Organization);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.UpdatedBy, actual.UpdatedBy);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.UpdatedAt, actual.UpdatedAt);
    }
}
