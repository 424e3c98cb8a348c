namespace Recommender.Alibaba.Cs;

/// <summary>A <c>{key, value}</c> pair: cluster and scaling-group tags, node labels (contract §4.1, §4.3).</summary>
public sealed record CsTag(string Key, string Value);
