using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>Every token of the emulator, any namespace (contract §5): issue, authenticate, use, renew, revoke.</summary>
internal sealed class TokenStore(TimeProvider time)
{
    /// <summary>Vault's default system max TTL (32 days): caps renewals of tokens without an explicit max TTL.</summary>
    public static readonly TimeSpan SystemMaxTtl = TimeSpan.FromHours(768);

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Lock gate = new();
    private readonly Dictionary<string, VaultToken> tokens = new(StringComparer.Ordinal);

    public VaultToken IssueRoot(string? id) => Add(new VaultToken
    {
        Id = id ?? NewId("hvs.", 24),
        Accessor = NewId(string.Empty, 24),
        Namespace = string.Empty,
        Type = VaultTokenType.Service,
        Created = time.GetUtcNow(),
        Path = "auth/token/root",
        DisplayName = "root",
        Orphan = true,
    });

    public VaultToken Issue(
        VaultTokenSpec spec, string ns, string path, string displayName, IReadOnlyDictionary<string, string>? meta = null, bool orphan = false)
    {
        var now = time.GetUtcNow();
        var maxTtl = spec.MaxTtl ?? TimeSpan.Zero;
        var ttl = spec.Ttl ?? TimeSpan.Zero;
        if (maxTtl > TimeSpan.Zero && ttl > maxTtl)
        {
            ttl = maxTtl;
        }

        var batch = spec.Type == VaultTokenType.Batch;
        return Add(new VaultToken
        {
            Id = batch ? NewId("hvb.", 40) : NewId("hvs.", 24),
            Accessor = batch ? string.Empty : NewId(string.Empty, 24),
            Namespace = ns,
            Type = spec.Type,
            Rules = spec.Policies,
            Created = now,
            CreationTtl = ttl,
            ExplicitMaxTtl = maxTtl,
            ExpiresAt = ttl > TimeSpan.Zero ? now + ttl : null,
            Renewable = spec.Renewable && !batch,
            NumUses = spec.NumUses,
            Path = path,
            DisplayName = displayName,
            Meta = meta,
            Orphan = orphan,
        });
    }

    public void Revoke(string id)
    {
        lock (gate)
        {
            if (tokens.TryGetValue(id, out var token))
            {
                token.Revoked = true;
            }
        }
    }

    public VaultToken? Find(string id)
    {
        lock (gate)
        {
            return tokens.GetValueOrDefault(id) is { } token && token.IsValid(time.GetUtcNow()) ? token : null;
        }
    }

    /// <summary>A valid token (known, not revoked, not expired), else 403 <c>permission denied</c>.</summary>
    public VaultToken Authenticate(string? id, DateTimeOffset now)
    {
        lock (gate)
        {
            return id is not null && tokens.TryGetValue(id, out var token) && token.IsValid(now)
                ? token
                : throw VaultError.PermissionDenied();
        }
    }

    /// <summary>Counts one use of a token with <c>num_uses</c>; the last use revokes it once the request is answered.</summary>
    public void Use(VaultToken token)
    {
        lock (gate)
        {
            if (token.NumUses > 0 && --token.NumUses == 0)
            {
                token.Revoked = true;
            }
        }
    }

    public JsonObject Lookup(VaultToken token, DateTimeOffset now)
    {
        lock (gate)
        {
            return token.Lookup(now);
        }
    }

    /// <summary>
    /// Contract §5.2: extends the TTL by the increment (default: the creation TTL), capped by the remaining max TTL with
    /// Vault's warning. Batch tokens and non-renewable tokens are refused with 400.
    /// </summary>
    public VaultAnswer Renew(VaultToken token, JsonObject body, DateTimeOffset now)
    {
        if (token.Type == VaultTokenType.Batch)
        {
            throw VaultError.BadRequest("batch tokens cannot be renewed");
        }

        if (!token.Renewable)
        {
            throw VaultError.BadRequest("lease is not renewable");
        }

        var increment = TimeSpan.Zero;
        if (body["increment"] is { } raw && !KvParams.TryDuration(raw, out increment))
        {
            throw VaultError.BadRequest($"error converting input {raw.ToJsonString()} for field \"increment\"");
        }

        lock (gate)
        {
            if (token.ExpiresAt is null)
            {
                return new VaultAnswer(200, VaultJson.Envelope(null, "token", auth: token.Auth(0)));
            }

            var ttl = increment > TimeSpan.Zero ? increment : token.CreationTtl;
            var maxTtl = token.ExplicitMaxTtl > TimeSpan.Zero && token.ExplicitMaxTtl < SystemMaxTtl ? token.ExplicitMaxTtl : SystemMaxTtl;
            var left = TimeSpan.FromSeconds(Math.Floor((token.Created + maxTtl - now).TotalSeconds));
            var warnings = new List<string>();
            if (ttl > left)
            {
                var (asked, max) = (GoDuration.Format(Seconds(ttl)), GoDuration.Format(left));
                warnings.Add($"TTL of \"{asked}\" exceeded the effective max_ttl of \"{max}\"; TTL value is capped accordingly");
                ttl = left;
            }

            token.ExpiresAt = now + ttl;
            token.LastRenewal = now;
            return new VaultAnswer(200, VaultJson.Envelope(null, "token", warnings, token.Auth((long)ttl.TotalSeconds)));
        }
    }

    private VaultToken Add(VaultToken token)
    {
        lock (gate)
        {
            tokens[token.Id] = token;
        }

        return token;
    }

    private static TimeSpan Seconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Floor(value.TotalSeconds));

    private static string NewId(string prefix, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{RandomNumberGenerator.GetString(Alphabet, length)}");
}
