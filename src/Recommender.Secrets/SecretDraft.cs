namespace Recommender.Secrets;

/// <summary>A secret as a caller writes it: create and update take the whole thing (values are write-only, so an update restates them).</summary>
public sealed record SecretDraft(string Name, SecretType Type, SecretValues Values, IReadOnlyList<string> Tags)
{
    /// <summary>The id the store files it under (<see cref="SecretIds.FromName"/>).</summary>
    public string Id => SecretIds.FromName(Name);
}
