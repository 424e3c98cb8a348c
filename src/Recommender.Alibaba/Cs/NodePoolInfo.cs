namespace Recommender.Alibaba.Cs;

/// <summary><c>nodepool_info</c>: the name (required when creating); ids and times in answers.</summary>
public sealed record NodePoolInfo
{
    public string? Name { get; init; }

    /// <summary><c>ess</c> (the default), <c>edge</c> or <c>lingjun</c>.</summary>
    public string? Type { get; init; }

    public string? ResourceGroupId { get; init; }

    public string? NodepoolId { get; init; }

    public string? RegionId { get; init; }

    public bool? IsDefault { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Updated { get; init; }
}
