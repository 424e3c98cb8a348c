using System.Security.Cryptography;
using System.Text;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// The three Alibaba signature schemes (contract §1) as pure functions: V3 <c>ACS3-HMAC-SHA256</c> (what our client
/// sends), and the legacy RPC and ROA HMAC-SHA1 schemes (what older SDKs send; the emulator verifies all three).
/// </summary>
public static class AcsSignature
{
    public const string V3Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>SHA-256 of the empty body, the <c>x-acs-content-sha256</c> of every RPC call.</summary>
    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    /// <summary>Sorted <c>enc(name)=enc(value)</c> pairs joined with <c>&amp;</c> (V3 and legacy RPC).</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Select(p => (Name: AcsPercentEncoder.Encode(p.Key), Value: AcsPercentEncoder.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));

    /// <summary>
    /// The V3 canonical request. <paramref name="headers"/> must hold exactly the signed headers (names in any case;
    /// duplicate values already comma-joined); <paramref name="canonicalUri"/> is <c>/</c> for RPC or the encoded ROA path.
    /// </summary>
    public static string V3CanonicalRequest(
        string method,
        string canonicalUri,
        IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadSha256)
    {
        var sorted = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n')
            .Append(canonicalUri).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in sorted)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }

        sb.Append('\n').Append(string.Join(';', sorted.Select(h => h.Name))).Append('\n').Append(payloadSha256);
        return sb.ToString();
    }

    public static string V3StringToSign(string canonicalRequest) => $"{V3Algorithm}\n{Sha256Hex(canonicalRequest)}";

    public static string V3Signature(string accessKeySecret, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    public static string V3Authorization(string accessKeyId, IEnumerable<string> signedHeaders, string signature) =>
        $"{V3Algorithm} Credential={accessKeyId},SignedHeaders={string.Join(';', signedHeaders.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal))},Signature={signature}";

    /// <summary>Legacy RPC: <c>METHOD&amp;%2F&amp;enc(canonical query)</c>; the caller leaves <c>Signature</c> out.</summary>
    public static string RpcStringToSign(string method, IEnumerable<KeyValuePair<string, string>> parameters) =>
        $"{method.ToUpperInvariant()}&{AcsPercentEncoder.Encode("/")}&{AcsPercentEncoder.Encode(CanonicalQuery(parameters))}";

    /// <summary>Legacy RPC: Base64 HMAC-SHA1 keyed with the secret plus <c>&amp;</c>.</summary>
    public static string RpcSignature(string accessKeySecret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>
    /// Legacy ROA string to sign. <paramref name="headers"/> are all request headers (any case); the four fixed slots
    /// are empty when absent; <paramref name="query"/> values are raw (decoded) and empty ones are dropped.
    /// </summary>
    public static string RoaStringToSign(
        string method,
        IEnumerable<KeyValuePair<string, string>> headers,
        string path,
        IEnumerable<KeyValuePair<string, string>> query)
    {
        var lower = headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(',', g.Select(h => h.Value)), StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append(method.ToUpperInvariant()).Append('\n');
        foreach (var slot in (string[])["accept", "content-md5", "content-type", "date"])
        {
            sb.Append(lower.GetValueOrDefault(slot, string.Empty)).Append('\n');
        }

        foreach (var (name, value) in lower.Where(h => h.Key.StartsWith("x-acs-", StringComparison.Ordinal)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            sb.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        sb.Append(path);
        var pairs = query.Where(q => q.Value.Length > 0).OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => $"{q.Key}={q.Value}").ToList();
        if (pairs.Count > 0)
        {
            sb.Append('?').Append(string.Join('&', pairs));
        }

        return sb.ToString();
    }

    /// <summary>Legacy ROA: Base64 HMAC-SHA1 keyed with the raw secret (no <c>&amp;</c>).</summary>
    public static string RoaSignature(string accessKeySecret, string stringToSign) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Constant-time comparison, so a verifier does not leak how much of a signature matched.</summary>
    public static bool SignaturesEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
