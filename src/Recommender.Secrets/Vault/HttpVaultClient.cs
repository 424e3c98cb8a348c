using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Errors;

namespace Recommender.Secrets.Vault;

/// <summary>
/// <see cref="IVaultClient"/> over a plain <see cref="HttpClient"/> (contract vault.md). Holds the token: AppRole logs in
/// on first use and again when Vault refuses the token; a static token comes from configuration or its file (re-read when
/// refused). Logins are single-flight: concurrent calls that find no valid token share one login. Registered as a
/// singleton (the token is process state), over a handler that recycles connections and never follows redirects (a
/// redirect would carry <c>X-Vault-Token</c> elsewhere).
/// </summary>
public sealed class HttpVaultClient : IVaultClient
{
    private readonly VaultOptions settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly VaultTransport transport;
    private readonly Lock sync = new();
    private Grant? grant;
    private Task<Grant>? login;

    public HttpVaultClient(HttpClient http, IOptions<VaultOptions> options, TimeProvider time, ILogger<HttpVaultClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = options.Value;
        this.time = time;
        this.logger = logger;
        transport = new VaultTransport(http, settings, time, logger);
    }

    public VaultTokenLease? CurrentLease => grant?.Lease;

    public async Task<VaultKvSecret?> ReadAsync(string path, long? version, CancellationToken ct)
    {
        var call = new VaultCall("read", HttpMethod.Get, KvPath("data", path), Query: version is { } v ? $"version={v}" : null);
        var answer = await SendAsync(call, ct).ConfigureAwait(false);
        if (answer.Status == 404)
        {
            // A deleted or destroyed version answers 404 with the envelope and its metadata (contract §4.7).
            return VaultJson.Version(VaultJson.Object(answer.Data, "metadata")) is { } deleted ? new VaultKvSecret(null, deleted) : null;
        }

        Expect(call, answer, 200);
        var metadata = VaultJson.Version(VaultJson.Object(answer.Data, "metadata"))
            ?? throw Malformed(call, answer, "no data.metadata with a version");
        return new VaultKvSecret(VaultJson.Object(answer.Data, "data"), metadata);
    }

    public async Task<VaultKvVersion> WriteAsync(string path, JsonObject data, long cas, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(cas);
        var body = new JsonObject { ["data"] = data.DeepClone(), ["options"] = new JsonObject { ["cas"] = cas } };
        var call = new VaultCall("write", HttpMethod.Post, KvPath("data", path), body);
        var answer = await SendAsync(call, ct).ConfigureAwait(false);
        Expect(call, answer, 200);
        return VaultJson.Version(answer.Data) ?? throw Malformed(call, answer, "no version metadata");
    }

    public async Task<VaultKvMetadata?> ReadMetadataAsync(string path, CancellationToken ct)
    {
        var call = new VaultCall("read-metadata", HttpMethod.Get, KvPath("metadata", path));
        var answer = await SendAsync(call, ct).ConfigureAwait(false);
        if (answer.Status == 404)
        {
            return null;
        }

        Expect(call, answer, 200);
        return VaultJson.Metadata(answer.Data) ?? throw Malformed(call, answer, "no current_version or created_time");
    }

    public async Task WriteCustomMetadataAsync(string path, IReadOnlyDictionary<string, string> customMetadata, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customMetadata);
        var map = new JsonObject();
        foreach (var (key, value) in customMetadata.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        var call = new VaultCall("write-metadata", HttpMethod.Post, KvPath("metadata", path), new JsonObject { ["custom_metadata"] = map });
        Expect(call, await SendAsync(call, ct).ConfigureAwait(false), 200, 204);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct)
    {
        // GET ?list=true rather than the LIST verb: what the official client sends, and it passes any proxy.
        var call = new VaultCall("list", HttpMethod.Get, KvPath("metadata", folder), Query: "list=true");
        var answer = await SendAsync(call, ct).ConfigureAwait(false);
        if (answer.Status == 404)
        {
            return [];
        }

        Expect(call, answer, 200);
        return VaultJson.Strings(answer.Data, "keys");
    }

    public async Task DeleteMetadataAsync(string path, CancellationToken ct)
    {
        var call = new VaultCall("delete-metadata", HttpMethod.Delete, KvPath("metadata", path));
        Expect(call, await SendAsync(call, ct).ConfigureAwait(false), 200, 204, 404);
    }

    public async Task<VaultTokenLease> LoginAsync(CancellationToken ct)
    {
        await TokenAsync(grant?.Token, ct).ConfigureAwait(false);
        return settings.UsesAppRole && grant?.Lease is { } lease ? lease : await LookupSelfAsync(ct).ConfigureAwait(false);
    }

    public async Task<VaultTokenLease> LookupSelfAsync(CancellationToken ct)
    {
        var call = new VaultCall("lookup-self", HttpMethod.Get, "auth/token/lookup-self");
        var (answer, token) = await SendWithTokenAsync(call, ct).ConfigureAwait(false);
        Expect(call, answer, 200);
        var ttl = TimeSpan.FromSeconds(VaultJson.Long(answer.Data, "ttl") ?? 0);
        var now = time.GetUtcNow();
        var expiresAt = ttl > TimeSpan.Zero ? now + ttl : (DateTimeOffset?)null;
        var lease = new VaultTokenLease(ttl, VaultJson.Bool(answer.Data, "renewable"), expiresAt, now);
        UpdateLease(token, lease);
        return lease;
    }

    public async Task<VaultTokenLease?> RenewSelfAsync(CancellationToken ct)
    {
        var call = new VaultCall("renew-self", HttpMethod.Post, "auth/token/renew-self", new JsonObject(), RetryWithNewToken: false);
        var (answer, token) = await SendWithTokenAsync(call, ct).ConfigureAwait(false);
        if (answer.Status is 400 or 403)
        {
            return null;
        }

        Expect(call, answer, 200);
        var lease = Lease(VaultJson.Object(answer.Body, "auth")) ?? throw Malformed(call, answer, "no auth.lease_duration");
        UpdateLease(token, lease);
        VaultLog.Renewed(logger, lease.Duration, lease.ExpiresAt);
        return lease;
    }

    public async Task<VaultHealth> GetHealthAsync(CancellationToken ct)
    {
        var call = new VaultCall("health", HttpMethod.Get, "sys/health", Authenticated: false);
        var answer = await transport.SendOnceAsync(call, ct).ConfigureAwait(false);
        return answer is null
            ? new VaultHealth(0, false, false, false, null)
            : new VaultHealth(answer.Status, VaultJson.Bool(answer.Body, "initialized"), VaultJson.Bool(answer.Body, "sealed"),
                VaultJson.Bool(answer.Body, "standby"), VaultJson.String(answer.Body, "version"));
    }

    private Task<VaultAnswer> SendAsync(VaultCall call, CancellationToken ct) => transport.SendAsync(call, TokenAsync, ct);

    /// <summary>Sends and also says which token was used last, so a lease is only ever attached to its own token.</summary>
    private async Task<(VaultAnswer Answer, string? Token)> SendWithTokenAsync(VaultCall call, CancellationToken ct)
    {
        string? used = null;
        var answer = await transport.SendAsync(call, async (rejected, c) => used = await TokenAsync(rejected, c).ConfigureAwait(false), ct)
            .ConfigureAwait(false);
        return (answer, used);
    }

    /// <summary>The token to send: the current one unless it is <paramref name="rejected"/>; else one shared new login.</summary>
    private async Task<string?> TokenAsync(string? rejected, CancellationToken ct)
    {
        Task<Grant> pending;
        lock (sync)
        {
            if (grant is { } current && !string.Equals(current.Token, rejected, StringComparison.Ordinal))
            {
                return current.Token;
            }

            // The login runs on its own deadline, not the first caller's token: others may be waiting for it too. It
            // starts on the pool so that none of it runs under this lock.
            pending = login is { IsCompleted: false } running ? running : login = Task.Run(AuthenticateAsync, CancellationToken.None);
        }

        var fresh = await pending.WaitAsync(ct).ConfigureAwait(false);
        return fresh.Token;
    }

    private async Task<Grant> AuthenticateAsync()
    {
        Grant fresh;
        if (settings.UsesAppRole)
        {
            var body = new JsonObject { ["role_id"] = ReadCredential(settings.AppRole.RoleId, settings.AppRole.RoleIdFile, "AppRole role id") };
            if (!string.IsNullOrWhiteSpace(settings.AppRole.SecretId) || !string.IsNullOrWhiteSpace(settings.AppRole.SecretIdFile))
            {
                body["secret_id"] = ReadCredential(settings.AppRole.SecretId, settings.AppRole.SecretIdFile, "AppRole secret id");
            }

            var call = new VaultCall("login", HttpMethod.Post, $"auth/{settings.AppRole.Mount}/login", body, Authenticated: false);
            var answer = await transport.SendAsync(call, null, CancellationToken.None).ConfigureAwait(false);
            if (answer.Status == 400)
            {
                var errors = answer.Errors.Count == 0 ? "" : ": " + string.Join("; ", answer.Errors);
                throw new SecretsUnavailableException($"The secret store (Vault) refused the service's AppRole login (HTTP 400{errors}).");
            }

            Expect(call, answer, 200);
            var auth = VaultJson.Object(answer.Body, "auth");
            var token = VaultJson.String(auth, "client_token");
            var lease = Lease(auth);
            if (token is null || lease is null || !IsWellFormedToken(token))
            {
                throw Malformed(call, answer, "no usable auth.client_token and auth.lease_duration");
            }

            fresh = new Grant(token, lease);
            VaultLog.LoggedIn(logger, "AppRole", lease.Duration, lease.Renewable);
        }
        else
        {
            fresh = new Grant(ReadCredential(settings.Token, settings.TokenFile, "token"), null);
        }

        lock (sync)
        {
            grant = fresh;
        }

        return fresh;
    }

    private void UpdateLease(string? token, VaultTokenLease lease)
    {
        lock (sync)
        {
            if (grant is { } current && string.Equals(current.Token, token, StringComparison.Ordinal))
            {
                grant = current with { Lease = lease };
            }
        }
    }

    private VaultTokenLease? Lease(JsonObject? auth)
    {
        if (VaultJson.Long(auth, "lease_duration") is not { } seconds)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var duration = TimeSpan.FromSeconds(seconds);
        return new VaultTokenLease(duration, VaultJson.Bool(auth, "renewable"), seconds > 0 ? now + duration : null, now);
    }

    /// <summary>A credential from configuration or its file (read now, so rotations are seen); messages never hold it.</summary>
    private static string ReadCredential(string? value, string? file, string what)
    {
        string text;
        if (!string.IsNullOrWhiteSpace(value))
        {
            text = value.Trim();
        }
        else
        {
            try
            {
                text = File.ReadAllText(file!).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SecretsUnavailableException($"The Vault {what} file '{file}' cannot be read ({e.GetType().Name}).");
            }
        }

        return IsWellFormedToken(text)
            ? text
            : throw new SecretsUnavailableException($"The configured Vault {what} is empty or holds white space or control characters.");
    }

    /// <summary>Printable ASCII without spaces: anything else could not go into a header, and is surely a mistake.</summary>
    private static bool IsWellFormedToken(string text) => text.Length > 0 && text.All(c => c is > ' ' and <= '~');

    private string KvPath(string kind, string path) => $"{settings.Mount}/{kind}/{EscapePath(path)}";

    /// <summary>Escapes each segment; refuses empty, <c>.</c> and <c>..</c> segments so a path never leaves its folder.</summary>
    private static string EscapePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var segments = path.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException("A Vault path must not have empty, '.' or '..' segments.", nameof(path));
        }

        return string.Join('/', segments.Select(Uri.EscapeDataString));
    }

    private static void Expect(VaultCall call, VaultAnswer answer, params int[] statuses)
    {
        if (!statuses.Contains(answer.Status))
        {
            throw new VaultApiException(call.Operation, call.Path, answer.Status, answer.Errors);
        }
    }

    private static VaultApiException Malformed(VaultCall call, VaultAnswer answer, string what) =>
        new(call.Operation, call.Path, answer.Status, [], $"malformed answer: {what}");

    private sealed record Grant(string Token, VaultTokenLease? Lease);
}
