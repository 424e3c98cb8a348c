namespace Recommender.Emulators.Vault;

/// <summary>What an operator hands to the application: the role_id and one secret_id.</summary>
public sealed record VaultAppRoleCredentials(string RoleId, string SecretId);
