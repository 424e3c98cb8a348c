namespace Recommender.Emulators.Vault;

/// <summary>
/// One request as the emulator saw it. <paramref name="Path"/> is percent-decoded, after <c>/v1/</c> and relative to
/// <paramref name="Namespace"/> (like Vault's audit log: <c>secret/data/app</c>); <paramref name="Namespace"/> is the resolved
/// namespace (<c>team1/</c>, null for the root); <paramref name="Token"/> the token presented (valid or not);
/// <paramref name="Status"/> the status answered, 0 when the connection was dropped.
/// </summary>
public sealed record VaultRequestRecord(
    string Method, string Path, string? Namespace, string? Token, string Body, int Status, DateTimeOffset At);
