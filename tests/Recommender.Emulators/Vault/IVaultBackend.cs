namespace Recommender.Emulators.Vault;

/// <summary>Something mounted at a path: a KV engine, the token store.</summary>
internal interface IVaultBackend
{
    /// <summary>The envelope's <c>mount_type</c>.</summary>
    string MountType { get; }

    /// <summary>The ACL capability the request needs, or null when every valid token may call it (e.g. <c>lookup-self</c>).</summary>
    string? Capability(VaultRequest request, string subPath);

    /// <summary>Answers the request; throws <see cref="VaultError"/> for error answers.</summary>
    VaultAnswer Handle(VaultRequest request, string subPath);
}
