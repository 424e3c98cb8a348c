namespace Recommender.Emulators.Vault;

/// <summary>What an injected fault does to one request: drop the connection, or answer <see cref="Status"/>.</summary>
internal sealed record VaultFault(bool Drop, int Status, TimeSpan? RetryAfter)
{
    /// <summary>The message Vault (or a proxy in front of it) puts in <c>errors</c> for this status.</summary>
    public string Message(string path) => Status switch
    {
        429 => $"request path \"{path}\": rate limit quota exceeded",
        412 => "required index state not present",
        500 => "internal error",
        501 => "Vault is not initialized",
        502 => "bad gateway",
        503 => "Vault is sealed",
        _ => "injected fault",
    };
}
