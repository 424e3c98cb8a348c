namespace Recommender.Emulators.Vault;

/// <summary>Vault's logical operations: <c>PUT</c> and <c>POST</c> are <see cref="Write"/>; <c>GET ?list=true</c> is <see cref="List"/>.</summary>
internal enum VaultOperation
{
    Read,
    Write,
    Delete,
    List,
    Patch,
}
