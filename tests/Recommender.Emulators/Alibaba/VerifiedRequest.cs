namespace Recommender.Emulators.Alibaba;

/// <summary>A request whose signature, timestamp and nonce checked out.</summary>
/// <param name="Parameters">Business parameters, decoded: the query plus any form body (legacy RPC and V3 formData).</param>
public sealed record VerifiedRequest(string Scheme, string AccessKeyId, string? Action, IReadOnlyDictionary<string, string> Parameters, string Nonce);
