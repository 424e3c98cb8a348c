namespace Recommender.Core.Errors;

/// <summary>A request argument is out of range or contradicts another; <see cref="Argument"/> names it.</summary>
public sealed class ValidationException(string argument, string message)
    : RecommenderException($"{argument}: {message}")
{
    public string Argument { get; } = argument;

    /// <summary>What is wrong, without the argument's name.</summary>
    public string Reason { get; } = message;

    public override string Code => ErrorCodes.BadUserInput;

    /// <summary>
    /// The same error for a field the client sent inside <paramref name="outer"/>: services name fields relative to the
    /// value they were given, the GraphQL layer names them as the client wrote them ("input.cpu").
    /// </summary>
    public ValidationException Within(string outer) => new($"{outer}.{Argument}", Reason);

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?> { ["argument"] = Argument };
}
