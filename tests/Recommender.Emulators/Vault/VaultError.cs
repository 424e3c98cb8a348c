using System.Text.Json.Nodes;

namespace Recommender.Emulators.Vault;

/// <summary>
/// An error answer thrown inside the emulator: <c>{"errors":[…]}</c> with <see cref="Status"/>, or, when <see cref="Body"/> is
/// set, that body instead (the 404 of a deleted KV version carries the full envelope, contract §4.7).
/// </summary>
internal sealed class VaultError(int status, params string[] errors) : Exception(errors.Length > 0 ? errors[0] : $"HTTP {status}")
{
    public int Status { get; } = status;

    public IReadOnlyList<string> Errors { get; } = errors;

    public JsonObject? Body { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static VaultError PermissionDenied() => new(403, "permission denied");

    public static VaultError NotFound() => new(404);

    public static VaultError BadRequest(string message) => new(400, message);

    public static VaultError Unsupported() => new(405, "unsupported operation");

    public static VaultError NoRoute(string path) => new(404, $"no handler for route \"{path}\". route entry not found.");
}
