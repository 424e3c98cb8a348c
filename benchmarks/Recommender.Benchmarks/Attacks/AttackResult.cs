namespace Recommender.Benchmarks.Attacks;

/// <summary>What an attack got back: status (<c>200</c>, <c>200×6</c>, <c>timeout</c>), first error code, sizes, remarks.</summary>
internal sealed record AttackResult(long RequestBytes, string Status, string Code, long? ResponseBytes, bool TimedOut, string? Note)
{
    public static AttackResult Timeout(long requestBytes, string? note = null) => new(requestBytes, "timeout", "-", null, true, note);

    /// <summary>One exchange as a result; notes the error codes by frequency and the first message.</summary>
    public static AttackResult Of(HttpExchange exchange, string? note = null)
    {
        var errors = exchange.Errors;
        var remarks = new List<string>();
        if (errors.Count > 0)
        {
            remarks.Add($"{errors.Count} error(s): {errors.Summary}; first: \"{Shorten(errors.FirstMessage)}\"");
        }

        if (exchange.StackTrace)
        {
            remarks.Add("STACK TRACE in body");
        }

        if (note is not null)
        {
            remarks.Add(note);
        }

        return new AttackResult(exchange.RequestBytes, exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            errors.FirstCode ?? "-", exchange.ResponseBytes, false, remarks.Count == 0 ? null : string.Join("; ", remarks));
    }

    public static string Shorten(string? text, int max = 100) =>
        text is null ? "" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
