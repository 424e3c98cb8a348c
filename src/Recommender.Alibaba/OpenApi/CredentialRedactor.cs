using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Recommender.Core.Cloud;

namespace Recommender.Alibaba.OpenApi;

/// <summary>
/// Scrubs credential material out of text that came from upstream (error messages and codes, request ids, page tokens,
/// values quoted from answers) before it goes into a <see cref="Core.Errors.CloudApiException"/>. From there it is
/// stored in the refresh status, returned by GraphQL to callers who need no credentials, and logged: a gateway or
/// proxy that echoes the request would otherwise hand out our AccessKeyId, SecurityToken and signatures. The rest of
/// the text is kept, because it is what explains the failure. The length is bounded, so an upstream cannot fill logs
/// and stores, and control characters are flattened, so it cannot forge log lines.
/// </summary>
public static partial class CredentialRedactor
{
    /// <summary>What replaces each credential value.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>Longest message kept (marker included) once redacted.</summary>
    public const int MaxLength = 1000;

    /// <summary>Longest code or request id kept: real ones are far shorter, so anything longer is not one.</summary>
    public const int MaxIdLength = 128;

    private const string Truncated = " [truncated]";

    /// <summary>
    /// Between a name and its value: <c>: </c>, <c>=</c>, <c>":"</c>, URL-encoded ones; a value already redacted does not count.
    /// </summary>
    private const string Separator = """["']?\s*(?:[:=]|%3A|%3D)\s*["'\[]{0,2}(?!\[?redacted\])""";

    private const string CredentialNames =
        "x-acs-security-token|security[-_]?token|x-acs-signature-[a-z0-9-]+|signature|credential"
        + "|x-acs-accesskey-(?:id|secret)|access[-_]?key[-_]?(?:id|secret)";

    /// <summary>Only this much of a huge text is scanned at all; the rest would be cut anyway.</summary>
    private const int MaxScanned = 16 * 1024;

    /// <summary>
    /// Exact values shorter than this are not credentials Alibaba issues (ids have 16 or more characters, secrets 30,
    /// tokens hundreds): replacing every occurrence of a short test value would mangle messages for nothing.
    /// </summary>
    private const int MinSecretLength = 6;

    /// <summary>Characters that never occur inside a credential value: a cut there cannot leave half a secret.</summary>
    private static readonly char[] ValueDelimiters =
        [' ', '\t', '\r', '\n', '"', '\'', '&', ',', ';', '<', '>', '(', ')', '[', ']', '{', '}'];

    /// <summary>
    /// <paramref name="text"/> with the values of <paramref name="credentials"/> (as sent, percent-encoded or
    /// JSON-escaped) and anything shaped like Alibaba credential material replaced by <see cref="Redacted"/>, control
    /// characters turned into spaces, and at most <paramref name="maxLength"/> characters long.
    /// </summary>
    /// <param name="credentials">Those used for the call the text answers, when known; patterns apply either way.</param>
    public static string Redact(string? text, CloudCredentials? credentials = null, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Truncated.Length + 1);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > MaxScanned;
        var scanned = cut ? CutAtDelimiter(text, MaxScanned) : text;
        if (credentials is not null)
        {
            // Longest first, so a value that contains another is replaced whole.
            foreach (var value in new[] { credentials.SecurityToken, credentials.AccessKeySecret, credentials.AccessKeyId }
                .Where(v => v is { Length: >= MinSecretLength }).OrderByDescending(v => v!.Length))
            {
                scanned = ReplaceValue(scanned, value!);
            }
        }

        // Exact values went first: a pattern matching inside a token (an "LTAI" after a '/') would leave the rest of it.
        scanned = AuthorizationHeader().Replace(scanned, m => m.Groups["prefix"].Value + Redacted);
        scanned = Acs3Authorization().Replace(scanned, m => $"{m.Groups["scheme"].Value} {Redacted}");
        scanned = NamedValue().Replace(scanned, m => m.Groups["prefix"].Value + Redacted);
        scanned = AccessKeyIdShape().Replace(scanned, Redacted);
        scanned = SecurityTokenShape().Replace(scanned, Redacted);
        scanned = Flatten(scanned);
        return cut || scanned.Length > maxLength
            ? string.Concat(scanned.AsSpan(0, Math.Min(scanned.Length, maxLength - Truncated.Length)), Truncated)
            : scanned;
    }

    private static string ReplaceValue(string text, string value)
    {
        text = text.Replace(value, Redacted, StringComparison.Ordinal);
        // An echoed query or a nested JSON document carries the value encoded; hex digits may come in either case.
        string[] encodings = [AcsPercentEncoder.Encode(value), Uri.EscapeDataString(value), JsonEncodedText.Encode(value).ToString()];
        foreach (var encoded in encodings)
        {
            if (!string.Equals(encoded, value, StringComparison.Ordinal))
            {
                text = text.Replace(encoded, Redacted, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    private static string CutAtDelimiter(string text, int length)
    {
        var end = text.LastIndexOfAny(ValueDelimiters, length - 1);
        return end < 0 ? string.Empty : text[..end];
    }

    private static string Flatten(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(IsControl(c) ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>C0/C1 controls and the Unicode line separators, all of which a log sink may treat as a new line.</summary>
    private static bool IsControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';

    /// <summary>
    /// A V3 <c>Authorization</c> value, <c>ACS3-HMAC-SHA256 Credential=id,SignedHeaders=...,Signature=hex</c>, whether
    /// or not the header name is echoed with it; the scheme name is kept.
    /// </summary>
    [GeneratedRegex(
        """(?<scheme>ACS3-[A-Z0-9-]+)\s+Credential=[^\s,"'&]*(?:\s*,\s*SignedHeaders=[^\s,"'&]*)?(?:\s*,\s*Signature=[^\s,;"'&]*)?""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Acs3Authorization();

    /// <summary>
    /// Any <c>Authorization</c> header or parameter: an optional scheme word and the credential after it (V3's has no
    /// spaces: <c>Credential=…,SignedHeaders=…,Signature=…</c>). A value already redacted is left alone.
    /// </summary>
    [GeneratedRegex(
        "(?<prefix>(?<![A-Za-z0-9_-])(?:x-acs-)?authorization" + Separator + ")" + """(?:[A-Za-z0-9-]+\s+)?[^\s"'&]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationHeader();

    /// <summary>
    /// The value after a credential-bearing header or parameter name (<c>name: value</c>, <c>name=value</c>,
    /// <c>"name":"value"</c>, URL-encoded): security tokens, signatures and every <c>x-acs-signature-*</c>, V3
    /// <c>Credential</c>, access key ids and secrets.
    /// </summary>
    [GeneratedRegex(
        "(?<prefix>(?<![A-Za-z0-9_-])(?:" + CredentialNames + ")" + Separator + ")" + """[^\s"'&,;<>\[\]{}()]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedValue();

    /// <summary>Alibaba AccessKey ids (<c>LTAI…</c>) and STS ones (<c>STS.…</c>), wherever they stand.</summary>
    [GeneratedRegex("(?<![A-Za-z0-9])(?:LTAI[A-Za-z0-9]{4,}|STS\\.[A-Za-z0-9]{4,})", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyIdShape();

    /// <summary>STS security tokens (base64 that starts <c>CAIS</c>), wherever they stand.</summary>
    [GeneratedRegex("(?<![A-Za-z0-9+/])CAIS[A-Za-z0-9+/=_-]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex SecurityTokenShape();
}
