using System.Text;

namespace Recommender.Api.Identity;

/// <summary>Reads <see cref="IdentityOptions.SigningKey"/>: <c>base64:…</c> or plain UTF-8 text, at least 32 bytes either way.</summary>
public static class SigningKeys
{
    public const int MinimumBytes = 32;

    public static byte[] Parse(string configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var key = configured.StartsWith("base64:", StringComparison.Ordinal)
            ? Convert.FromBase64String(configured["base64:".Length..])
            : Encoding.UTF8.GetBytes(configured);
        return key.Length >= MinimumBytes
            ? key
            : throw new InvalidOperationException($"Identity:SigningKey must be at least {MinimumBytes} bytes for HS256 (got {key.Length}).");
    }
}
