namespace Recommender.Secrets;

/// <summary>What a secret holds, which decides its fields (<see cref="SecretSchema"/>).</summary>
public enum SecretType
{
    /// <summary>An Alibaba Cloud AccessKey pair (Pipeline's <c>alibaba</c> type).</summary>
    Alibaba,
}
