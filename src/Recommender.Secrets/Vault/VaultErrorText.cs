using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>
/// Turns Vault's <c>errors</c> strings into text safe for logs and exception messages. Vault's own messages name paths
/// and reasons, but an answer to a request with a body (400, 413, 415) may echo that body (a JSON parse error quotes
/// the input), so for those only the documented messages (contract §3) are kept verbatim and the rest withheld. Every
/// string the request carried (values, role and secret ids) and the token are cut out of whatever remains, control
/// characters are dropped and each message is capped.
/// </summary>
internal static class VaultErrorText
{
    public const int MaxMessageLength = 300;

    /// <summary>Request strings shorter than this are not redacted (they would shred ordinary words); secret values are longer.</summary>
    public const int MinRedactedLength = 6;

    private const string Redacted = "[redacted]";

    private static readonly FrozenSet<string> DocumentedBadRequestMessages = FrozenSet.Create(StringComparer.Ordinal,
        "no data provided",
        "check-and-set parameter did not match the current version",
        "check-and-set parameter required for this call",
        "error parsing check-and-set parameter",
        "missing role_id",
        "missing secret_id",
        "invalid role or secret ID",
        "invalid secret id",
        "batch tokens cannot be renewed",
        "lease is not renewable",
        "permission denied");

    public static IReadOnlyList<string> Describe(int status, JsonObject? body, JsonObject? requestBody, string? token)
    {
        var errors = VaultJson.Strings(body, "errors");
        if (errors.Count == 0)
        {
            return [];
        }

        var mayEcho = requestBody is not null && status is 400 or 413 or 415;
        var secrets = VaultJson.StringLeaves(requestBody)
            .Append(token ?? "")
            .Where(s => s.Length >= MinRedactedLength)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
        return [.. errors.Select(e => mayEcho && !DocumentedBadRequestMessages.Contains(e)
            ? "(message withheld: an answer to a request with a body may echo it)"
            : Clean(e, secrets))];
    }

    private static string Clean(string message, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        var text = new StringBuilder(Math.Min(message.Length, MaxMessageLength + 1));
        foreach (var c in message.Where(c => !char.IsControl(c)))
        {
            if (text.Length == MaxMessageLength)
            {
                text.Append('…');
                break;
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
