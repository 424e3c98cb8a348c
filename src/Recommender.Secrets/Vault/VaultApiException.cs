namespace Recommender.Secrets.Vault;

/// <summary>
/// Vault answered something no retry fixes and that the caller did not expect (a 400 other than a handled CAS mismatch,
/// a 405, a malformed body…): a bug or a misconfiguration, reported as INTERNAL. <see cref="Errors"/> are Vault's
/// <c>errors</c> strings, redacted; the message holds the operation, path and status and never a request body.
/// </summary>
public sealed class VaultApiException(string operation, string path, int status, IReadOnlyList<string> errors, string? detail = null)
    : Exception($"Vault {operation} {path} failed with HTTP {status}{(detail is null ? "" : $" ({detail})")}: "
        + $"{(errors.Count == 0 ? "(no errors given)" : string.Join("; ", errors))}")
{
    public string Operation { get; } = operation;

    public string Path { get; } = path;

    public int Status { get; } = status;

    public IReadOnlyList<string> Errors { get; } = errors;
}
