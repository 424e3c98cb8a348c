using System.Security.Cryptography;
using System.Text;

namespace Recommender.Secrets;

/// <summary>
/// A secret's id is the lower-case hex SHA-256 of its UTF-8 name, as Pipeline's (contract vault.md §10): names are
/// unique per organisation, and the id (a Vault path segment) needs no escaping whatever the name holds.
/// </summary>
public static class SecretIds
{
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
    }

    /// <summary>True when <paramref name="id"/> has the shape of an id (64 lower-case hex digits).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 64 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
