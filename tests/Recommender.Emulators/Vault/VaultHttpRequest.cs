namespace Recommender.Emulators.Vault;

/// <summary>What the transport hands to the router: the verb, the decoded path after <c>/v1/</c>, the headers that matter, the body.</summary>
internal sealed record VaultHttpRequest(
    string Method,
    string Path,
    IQueryCollection Query,
    string? ContentType,
    byte[] Body,
    string? Token,
    string? NamespaceHeader,
    DateTimeOffset Now);
