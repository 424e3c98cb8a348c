namespace Recommender.Secrets.Vault;

/// <summary>
/// Settings bound from <c>Secrets:Vault</c>. Setting <see cref="Address"/> switches the secret store to Vault. Exactly one
/// way to authenticate: a static token (<see cref="Token"/> or <see cref="TokenFile"/>) or AppRole (<see cref="AppRole"/>).
/// </summary>
public sealed class VaultOptions
{
    public const string SectionName = "Secrets:Vault";

    /// <summary>Vault's base address, e.g. <c>https://vault.internal:8200</c> (the client adds <c>/v1/</c>).</summary>
    public Uri? Address { get; set; }

    /// <summary>The KV v2 mount that holds the secrets (Pipeline's and Vault's default: <c>secret</c>).</summary>
    public string Mount { get; set; } = "secret";

    /// <summary>Sent verbatim as <c>X-Vault-Namespace</c> (Enterprise/HCP/OpenBao, e.g. <c>admin/</c>); null sends no header.</summary>
    public string? Namespace { get; set; }

    /// <summary>A static token. Prefer <see cref="TokenFile"/> (a file kept by an agent or a mounted secret).</summary>
    public string? Token { get; set; }

    /// <summary>A file holding the static token; read at start, and again when Vault refuses the token (it may have been rotated).</summary>
    public string? TokenFile { get; set; }

    /// <summary>AppRole credentials; used when <see cref="VaultAppRoleOptions.IsConfigured"/>.</summary>
    public VaultAppRoleOptions AppRole { get; set; } = new();

    /// <summary>Time limit of one HTTP attempt; an attempt that runs over counts as a failed, retryable attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Time limit of one call with all its attempts, backoff and any re-login: past it the call fails with
    /// SECRETS_UNAVAILABLE rather than keep a request waiting.
    /// </summary>
    public TimeSpan OverallDeadline { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts per call, the first included (the official Go client makes 3: one plus 2 retries).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>First backoff; doubled per retry, times a jitter factor in [1, 1.5), and never shorter than Retry-After.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest backoff between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the renewal service waits after a failed renewal or login before trying again (never past the token's
    /// expiry: it then tries at once, and data calls log in on their own when they find no valid token).
    /// </summary>
    public TimeSpan RenewalRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when AppRole is the way to log in (else the static token).</summary>
    public bool UsesAppRole => AppRole.IsConfigured;

    /// <summary>The first configuration problem, or null when the options are usable.</summary>
    public string? Problem()
    {
        if (Address is not { IsAbsoluteUri: true } || (Address.Scheme != Uri.UriSchemeHttp && Address.Scheme != Uri.UriSchemeHttps))
        {
            return "Secrets:Vault:Address must be an absolute http(s) address.";
        }

        if (!IsSafeMount(Mount))
        {
            return "Secrets:Vault:Mount must be one or more path segments of letters, digits, '.', '_' or '-'.";
        }

        if (!IsSafeMount(AppRole.Mount))
        {
            return "Secrets:Vault:AppRole:Mount must be one or more path segments of letters, digits, '.', '_' or '-'.";
        }

        var hasToken = !string.IsNullOrWhiteSpace(Token) || !string.IsNullOrWhiteSpace(TokenFile);
        if (hasToken == UsesAppRole)
        {
            return "Secrets:Vault needs exactly one of Token/TokenFile and AppRole (RoleId or RoleIdFile, with SecretId or SecretIdFile).";
        }

        if (!string.IsNullOrWhiteSpace(Token) && !string.IsNullOrWhiteSpace(TokenFile))
        {
            return "Secrets:Vault:Token and TokenFile exclude each other.";
        }

        if (AppRole.Problem() is { } appRoleProblem)
        {
            return appRoleProblem;
        }

        if (AttemptTimeout <= TimeSpan.Zero || OverallDeadline <= TimeSpan.Zero || BaseRetryDelay < TimeSpan.Zero
            || MaxRetryDelay < BaseRetryDelay || RenewalRetryDelay <= TimeSpan.Zero)
        {
            return "Secrets:Vault timeouts and delays must be positive (MaxRetryDelay at least BaseRetryDelay).";
        }

        return MaxAttempts is < 1 or > 10 ? "Secrets:Vault:MaxAttempts must be 1 to 10." : null;
    }

    private static bool IsSafeMount(string? mount) =>
        !string.IsNullOrEmpty(mount) && mount.Split('/').All(SecretStoreArguments.IsSafeSegment);
}
