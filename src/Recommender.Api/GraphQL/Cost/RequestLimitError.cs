using System.Globalization;
using GraphQL;

namespace Recommender.Api.GraphQL.Cost;

/// <summary>
/// A request refused before validation and execution because of what it would cost. <c>extensions</c> carry the
/// <c>limit</c> and what the request <c>measured</c>, so a client can tell how far over it is.
/// </summary>
public sealed class RequestLimitError : ExecutionError
{
    /// <summary>Too many fields resolved (lists multiplied), or too many field selections to validate.</summary>
    public const string Complexity = "COMPLEXITY";

    /// <summary>Fields (or the document's syntax, or its fragments) nested too deep.</summary>
    public const string MaxDepth = "MAX_DEPTH";

    /// <summary>More solver runs in one request than allowed.</summary>
    public const string TooManySolves = "TOO_MANY_SOLVES";

    /// <summary>A subscription operation: this service has none, and no transport for them.</summary>
    public const string SubscriptionsNotSupported = "SUBSCRIPTIONS_NOT_SUPPORTED";

    private RequestLimitError(string code, string message, double? limit, double? measured)
        : base(message)
    {
        Code = code;
        if (limit is not null)
        {
            Extensions = new Dictionary<string, object?> { ["limit"] = limit, ["measured"] = measured is { } m && !double.IsFinite(m) ? double.MaxValue : measured };
        }
    }

    public static RequestLimitError OverComplexity(double measured, int limit) => new(Complexity,
        $"Query complexity {Show(measured)} exceeds the limit of {limit} (each field counts once per item of the lists "
        + "around it; narrow first/last or select fewer fields).", limit, measured);

    public static RequestLimitError OverFields(double measured, int limit) => new(Complexity,
        $"The document selects {Show(measured)} fields once its fragments are expanded; the limit is {limit}.", limit, measured);

    public static RequestLimitError OverDepth(int measured, int limit) => new(MaxDepth,
        $"Query depth {measured} exceeds the maximum depth of {limit}.", limit, measured);

    public static RequestLimitError SyntaxTooDeep() => new(MaxDepth,
        "The document is nested too deeply to be parsed.", null, null);

    public static RequestLimitError FragmentNesting(int limit) => new(MaxDepth,
        $"Fragments spread each other more than {limit} levels deep.", limit, null);

    public static RequestLimitError OverSolves(double measured, int limit) => new(TooManySolves,
        $"The request asks for {Show(measured)} solver runs; at most {limit} are allowed per request (send them in separate requests).",
        limit, measured);

    public static RequestLimitError Subscription() => new(SubscriptionsNotSupported,
        "Subscriptions are not supported: send a query or a mutation.", null, null);

    private static string Show(double value) => value < 1e15 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###E+0", CultureInfo.InvariantCulture);
}
