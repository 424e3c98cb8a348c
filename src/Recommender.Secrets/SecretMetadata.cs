namespace Recommender.Secrets;

/// <summary>
/// Everything about a stored secret except its values: what queries return. <see cref="Version"/> starts at 1 and grows
/// by one on every update; an update must name the version it replaces.
/// </summary>
public sealed record SecretMetadata(
    string Id,
    string Organization,
    string Name,
    SecretType Type,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string UpdatedBy);
