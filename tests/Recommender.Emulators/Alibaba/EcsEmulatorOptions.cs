namespace Recommender.Emulators.Alibaba;

/// <summary>How the emulator behaves when nothing is injected.</summary>
public sealed class EcsEmulatorOptions
{
    public const string DefaultAccessKeyId = "emulator-access-key-id";
    public const string DefaultAccessKeySecret = "emulator-access-key-secret";

    /// <summary>Known access keys (id → secret); any other id gets <c>InvalidAccessKeyId.NotFound</c>.</summary>
    public Dictionary<string, string> AccessKeys { get; } = new(StringComparer.Ordinal)
    {
        [DefaultAccessKeyId] = DefaultAccessKeySecret,
    };

    /// <summary>Server-side ceiling per API per region per one-second window; 0 turns it off. Answers Throttling.Api.</summary>
    public int MaxCallsPerSecondPerApi { get; set; }

    /// <summary>Allowed clock skew of signed timestamps (the real gateway allows 15 minutes).</summary>
    public TimeSpan MaxTimestampSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Added to every call (real time, whatever the emulator's clock).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Seed of the random choices behind rate-based fault injection.</summary>
    public int RandomSeed { get; set; } = 42;

    /// <summary>How long CS clusters, node pools and nodes take to change state, and the time scale applied to it.</summary>
    public CsTimings Cs { get; } = new();

    /// <summary>Kestrel address; port 0 picks a free one.</summary>
    public string Url { get; set; } = "http://127.0.0.1:0";
}
