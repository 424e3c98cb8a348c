using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Recommender.Alibaba.OpenApi;

namespace Recommender.Emulators.Alibaba;

/// <summary>
/// Verifies the three schemes of contract §1 as the gateway does, V3 also as <c>ACS3-HMAC-SM3</c> (contract §6: SM3 for
/// every hash and the HMAC; the body's hash still goes in <c>x-acs-content-sha256</c>). The signed header list comes
/// from the request, the host is the one received, the query is decoded then re-encoded per scheme. Order of checks:
/// shape, timestamp, key, signature, and only then the nonce (so a rejected request never burns it).
/// </summary>
public sealed class SignatureVerifier(EcsEmulatorOptions options, TimeProvider time, EmulatorCounters counters)
{
    public const string Sm3Algorithm = "ACS3-HMAC-SM3";

    private readonly Dictionary<string, DateTimeOffset> nonces = new(StringComparer.Ordinal);

    public VerifiedRequest Verify(HttpRequest request, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        var form = IsForm(request) ? ParseForm(body) : [];
        var authorization = request.Headers.Authorization.ToString();
        foreach (var algorithm in (string[])[AcsSignature.V3Algorithm, Sm3Algorithm])
        {
            if (authorization.StartsWith(algorithm + " ", StringComparison.Ordinal))
            {
                return VerifyV3(request, body, algorithm, authorization, query, form);
            }
        }

        if (authorization.StartsWith("acs ", StringComparison.Ordinal))
        {
            return VerifyRoa(request, authorization, query, form);
        }

        if (query.Concat(form).Any(p => p.Key == "Signature"))
        {
            return VerifyRpc(request, query, form);
        }

        throw AcsError.IncompleteSignature("No Authorization header and no Signature parameter.");
    }

    private VerifiedRequest VerifyV3(
        HttpRequest request, byte[] body, string algorithm, string authorization, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> form)
    {
        var sm3 = algorithm == Sm3Algorithm;
        var fields = authorization[(algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var keyId) || !fields.TryGetValue("SignedHeaders", out var signedList) || !fields.TryGetValue("Signature", out var signature))
        {
            throw AcsError.IncompleteSignature("Authorization needs Credential, SignedHeaders and Signature.");
        }

        var signed = signedList.Split(';').ToList();
        var acsHeaders = request.Headers.Keys.Select(k => k.ToLowerInvariant()).Where(k => k.StartsWith("x-acs-", StringComparison.Ordinal));
        if (!signed.Contains("host") || acsHeaders.Any(h => !signed.Contains(h)))
        {
            throw AcsError.IncompleteSignature("SignedHeaders must cover host and every x-acs-* header.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var name in signed)
        {
            var value = name == "host" ? request.Headers.Host.ToString() : string.Join(',', request.Headers[name].Order(StringComparer.Ordinal));
            if (value.Length == 0 && !request.Headers.ContainsKey(name))
            {
                throw AcsError.IncompleteSignature($"Signed header {name} is missing.");
            }

            headers.Add(new(name, value));
        }

        var payloadHash = request.Headers[sm3 && request.Headers.ContainsKey("x-acs-content-sm3") ? "x-acs-content-sm3" : "x-acs-content-sha256"].ToString();
        if (!string.Equals(payloadHash, sm3 ? Sm3.HashHex(body) : AcsSignature.Sha256Hex(body), StringComparison.Ordinal))
        {
            throw new AcsError(400, "ContentSHA256NotMatched", "The x-acs-content-sha256 header does not match the body.");
        }

        CheckTimestamp(request.Headers["x-acs-date"].ToString(), "yyyy-MM-dd'T'HH:mm:ss'Z'");
        var secret = SecretOf(keyId);
        var canonicalUri = request.Path.Value is null or "/" or "" ? "/" : AcsPercentEncoder.EncodePath(request.Path.Value);
        var canonical = AcsSignature.V3CanonicalRequest(request.Method, canonicalUri, query, headers, payloadHash);
        var stringToSign = sm3 ? $"{Sm3Algorithm}\n{Sm3.HashHex(Encoding.UTF8.GetBytes(canonical))}" : AcsSignature.V3StringToSign(canonical);
        var expected = sm3
            ? Convert.ToHexStringLower(Sm3.Hmac(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)))
            : AcsSignature.V3Signature(secret, stringToSign);
        if (!AcsSignature.SignaturesEqual(expected, signature))
        {
            throw AcsError.SignatureDoesNotMatch(stringToSign);
        }

        var nonce = UseNonce(request.Headers["x-acs-signature-nonce"].ToString());
        return new VerifiedRequest(sm3 ? "V3-SM3" : "V3", keyId, request.Headers["x-acs-action"].ToString(), Merge(query, form), nonce);
    }

    private VerifiedRequest VerifyRpc(HttpRequest request, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> form)
    {
        var all = query.Concat(form).ToList();
        var parameters = Merge(all, []);
        foreach (var required in (string[])["AccessKeyId", "SignatureMethod", "SignatureNonce", "Timestamp", "Action"])
        {
            if (!parameters.ContainsKey(required))
            {
                throw AcsError.Missing(required);
            }
        }

        if (parameters["SignatureMethod"] != "HMAC-SHA1")
        {
            throw new AcsError(400, "InvalidSignatureMethod", "Specified signature method is not valid.");
        }

        CheckTimestamp(parameters["Timestamp"], "yyyy-MM-dd'T'HH:mm:ss'Z'");
        var secret = SecretOf(parameters["AccessKeyId"]);
        var stringToSign = AcsSignature.RpcStringToSign(request.Method, all.Where(p => p.Key != "Signature"));
        if (!AcsSignature.SignaturesEqual(AcsSignature.RpcSignature(secret, stringToSign), parameters["Signature"]))
        {
            throw AcsError.SignatureDoesNotMatch(stringToSign);
        }

        var nonce = UseNonce(parameters["SignatureNonce"]);
        var business = parameters.Where(p => !RpcCommon.Contains(p.Key)).ToDictionary(StringComparer.Ordinal);
        return new VerifiedRequest("RPC", parameters["AccessKeyId"], parameters["Action"], business, nonce);
    }

    private VerifiedRequest VerifyRoa(HttpRequest request, string authorization, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> form)
    {
        var credential = authorization[4..].Split(':', 2);
        if (credential.Length != 2)
        {
            throw AcsError.IncompleteSignature("Authorization must be 'acs <AccessKeyId>:<Signature>'.");
        }

        CheckTimestamp(request.Headers.Date.ToString(), "r");
        var secret = SecretOf(credential[0]);
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty)));
        var stringToSign = AcsSignature.RoaStringToSign(request.Method, headers, request.Path.Value ?? "/", query);
        if (!AcsSignature.SignaturesEqual(AcsSignature.RoaSignature(secret, stringToSign), credential[1]))
        {
            throw AcsError.SignatureDoesNotMatch(stringToSign);
        }

        var nonce = UseNonce(request.Headers["x-acs-signature-nonce"].ToString());
        return new VerifiedRequest("ROA", credential[0], request.Headers["x-acs-action"].ToString(), Merge(query, form), nonce);
    }

    private static readonly HashSet<string> RpcCommon = new(StringComparer.Ordinal)
    {
        "AccessKeyId", "Action", "Version", "Format", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature", "SecurityToken",
    };

    private void CheckTimestamp(string value, string format)
    {
        if (!DateTimeOffset.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            throw AcsError.TimestampFormat();
        }

        if ((time.GetUtcNow() - at).Duration() > options.MaxTimestampSkew)
        {
            throw AcsError.TimestampExpired();
        }
    }

    private string SecretOf(string accessKeyId) =>
        options.AccessKeys.TryGetValue(accessKeyId, out var secret) ? secret : throw AcsError.KeyNotFound();

    private string UseNonce(string nonce)
    {
        if (string.IsNullOrEmpty(nonce))
        {
            throw AcsError.Missing("SignatureNonce");
        }

        counters.SawNonce(nonce);
        var now = time.GetUtcNow();
        lock (nonces)
        {
            if (nonces.Count > 100_000)
            {
                // Nonces only need remembering for as long as their timestamp would be accepted.
                foreach (var old in nonces.Where(n => now - n.Value > options.MaxTimestampSkew * 2).Select(n => n.Key).ToList())
                {
                    nonces.Remove(old);
                }
            }

            if (!nonces.TryAdd(nonce, now))
            {
                throw AcsError.NonceUsed();
            }
        }

        return nonce;
    }

    private static bool IsForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    private static List<KeyValuePair<string, string>> ParseForm(byte[] body) =>
        [.. QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty)))];

    private static Dictionary<string, string> Merge(IEnumerable<KeyValuePair<string, string>> a, IEnumerable<KeyValuePair<string, string>> b)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in a.Concat(b))
        {
            merged[k] = v;
        }

        return merged;
    }
}
