namespace Recommender.Emulators.Vault;

/// <summary>How <see cref="VaultEmulator.StartAsync"/> sets up the emulator.</summary>
public sealed class VaultEmulatorOptions
{
    /// <summary>Where Kestrel listens; <c>http://127.0.0.1:0</c> (a free loopback port) when null.</summary>
    public string? Url { get; init; }

    /// <summary>The clock of TTLs, <c>created_time</c> and <c>delete_version_after</c>; tests pass a <c>FakeTimeProvider</c>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Bodies over this many bytes answer 413 (Vault's default: 32 MiB).</summary>
    public long MaxRequestBytes { get; init; } = 33554432;

    /// <summary>Seed of the fault dice (<see cref="VaultFaults.FailureRate"/>).</summary>
    public int RandomSeed { get; init; }

    /// <summary>The root token's id; a fresh <c>hvs.</c> token when null.</summary>
    public string? RootToken { get; init; }
}
