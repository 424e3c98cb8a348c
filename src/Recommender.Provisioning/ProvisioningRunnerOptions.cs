namespace Recommender.Provisioning;

/// <summary>Settings of the background runner (<c>Provisioning:Runner</c>).</summary>
public sealed class ProvisioningRunnerOptions
{
    /// <summary>
    /// False: this replica only creates and reads operations and another one runs them (or, in tests, the test does).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This replica's lease owner id; default host name, process id and a random suffix.</summary>
    public string? OwnerId { get; set; }
}
