namespace Recommender.Emulators.Vault;

/// <summary>
/// One ACL rule: requests whose path (relative to the token's namespace) starts with <paramref name="PathPrefix"/> may use
/// <paramref name="Capabilities"/> (<c>create</c>, <c>read</c>, <c>update</c>, <c>delete</c>, <c>list</c>, <c>patch</c>,
/// or <c>deny</c>). The longest matching prefix wins; a trailing <c>*</c> is ignored (Vault's glob).
/// </summary>
public sealed record VaultPolicyRule(string PathPrefix, params string[] Capabilities);
