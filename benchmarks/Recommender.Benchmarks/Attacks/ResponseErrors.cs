using System.Text;
using System.Text.Json;

namespace Recommender.Benchmarks.Attacks;

/// <summary>
/// The <c>errors</c> of a GraphQL response read from its first bytes (the whole body, or a prefix of a huge one):
/// how many, each <c>extensions.code</c> counted, and the first message.
/// </summary>
internal sealed record ResponseErrors(int Count, string? FirstCode, string? FirstMessage, IReadOnlyDictionary<string, int> Codes)
{
    public static readonly ResponseErrors None = new(0, null, null, new Dictionary<string, int>());

    /// <summary>Codes by frequency, e.g. <c>SOLVER_BUSY×498, -×2</c>; empty without errors.</summary>
    public string Summary => string.Join(", ", Codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key}×{c.Value}"));

    public static ResponseErrors Read(ReadOnlySpan<byte> json, bool complete)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: complete, state: default);
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var (count, inErrors, inExtensions, errorHasCode) = (0, false, false, false);
        string? firstCode = null, firstMessage = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                        inErrors = reader.ValueTextEquals("errors"u8);
                        break;
                    case JsonTokenType.StartObject when inErrors && reader.CurrentDepth == 2:
                        count++;
                        errorHasCode = false;
                        break;
                    case JsonTokenType.EndObject when inErrors && reader.CurrentDepth == 2:
                        if (!errorHasCode)
                        {
                            Add(codes, "-");
                        }

                        break;
                    case JsonTokenType.PropertyName when inErrors && reader.CurrentDepth == 3:
                        inExtensions = reader.ValueTextEquals("extensions"u8);
                        if (count == 1 && reader.ValueTextEquals("message"u8) && reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            firstMessage = reader.GetString();
                        }

                        break;
                    case JsonTokenType.PropertyName when inErrors && inExtensions && reader.CurrentDepth == 4
                        && reader.ValueTextEquals("code"u8):
                        if (reader.Read() && reader.TokenType == JsonTokenType.String)
                        {
                            var code = reader.GetString() ?? "-";
                            firstCode ??= code;
                            errorHasCode = true;
                            Add(codes, code);
                        }

                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        inErrors = false;
                        break;
                    default:
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a plain-text or HTML error page): keep what was found.
        }

        return count == 0 ? None : new ResponseErrors(count, firstCode, firstMessage, codes);
    }

    /// <summary>True when the text looks like a .NET stack trace (what an error page leaks).</summary>
    public static bool HasStackTrace(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.Contains("at Microsoft.", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal)
            || text.Contains("at System.", StringComparison.Ordinal);
    }

    private static void Add(Dictionary<string, int> codes, string code) =>
        codes[code] = codes.GetValueOrDefault(code) + 1;
}
