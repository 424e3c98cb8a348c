namespace Recommender.Provisioning.Tests.Execution;

/// <summary>The real clock moved by <paramref name="shift"/>: a replica started after another died sees the dead one's lease as run out.</summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
