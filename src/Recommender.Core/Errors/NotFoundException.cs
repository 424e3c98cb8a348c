namespace Recommender.Core.Errors;

/// <summary>A named provider, region, zone or instance type does not exist.</summary>
public sealed class NotFoundException(string kind, string name)
    : RecommenderException($"Unknown {kind} '{name}'.")
{
    public string Kind { get; } = kind;

    public string Name { get; } = name;

    public override string Code => ErrorCodes.NotFound;
}
