namespace Recommender.Alibaba.Cs;

/// <summary>One <c>addons[]</c> entry of CreateCluster; <see cref="Config"/> is a JSON string when given.</summary>
public sealed record CsAddon(string Name, string? Config = null, bool? Disabled = null);
