namespace Recommender.Core.Errors;

/// <summary>
/// A write lost a race or names something that already exists: the caller read version <see cref="ExpectedVersion"/>
/// but the object is now at <see cref="CurrentVersion"/> (null when it did not say), or a create found the name taken.
/// Nothing was changed; read again and decide.
/// </summary>
public sealed class ConflictException(string kind, string id, string message, long? expectedVersion = null, long? currentVersion = null)
    : RecommenderException(message)
{
    public string Kind { get; } = kind;

    public string Id { get; } = id;

    public long? ExpectedVersion { get; } = expectedVersion;

    public long? CurrentVersion { get; } = currentVersion;

    public override string Code => ErrorCodes.Conflict;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["kind"] = Kind,
        ["id"] = Id,
        ["expectedVersion"] = ExpectedVersion,
        ["currentVersion"] = CurrentVersion,
    };
}
