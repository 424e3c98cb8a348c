using System.Text.Json.Nodes;

namespace Recommender.Secrets.Vault;

/// <summary>
/// A KV v2 read: the version's <see cref="Data"/> and metadata. <see cref="Data"/> is null when the version is
/// soft-deleted or destroyed (Vault answers those 404 with the envelope, contract §4.7).
/// </summary>
public sealed record VaultKvSecret(JsonObject? Data, VaultKvVersion Metadata);
