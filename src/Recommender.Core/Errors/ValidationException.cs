namespace Recommender.Core.Errors;

/// <summary>A request argument is out of range or contradicts another; <see cref="Argument"/> names it.</summary>
public sealed class ValidationException(string argument, string message)
    : RecommenderException($"{argument}: {message}")
{
    public string Argument { get; } = argument;

    public override string Code => ErrorCodes.BadUserInput;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?> { ["argument"] = Argument };
}
