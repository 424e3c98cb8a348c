using System.Collections.Concurrent;

namespace Recommender.Emulators.Alibaba;

/// <summary>All injected faults: per action, plus regions that have disappeared.</summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentDictionary<string, ActionFaults> actions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> vanished = new(StringComparer.Ordinal);

    /// <summary>The faults of <paramref name="action"/> (created on first use), e.g. <c>For("DescribePrice").ThrottleRate = 0.2</c>.</summary>
    public ActionFaults For(string action) => actions.GetOrAdd(action, _ => new ActionFaults());

    /// <summary>Applies <paramref name="configure"/> to every ECS action the emulator serves.</summary>
    public void ForAll(Action<ActionFaults> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        foreach (var action in EcsActions.Names)
        {
            configure(For(action));
        }
    }

    /// <summary>The region stops being listed and every call naming it fails like an unknown region.</summary>
    public void RemoveRegion(string region) => vanished[region] = true;

    public void RestoreRegion(string region) => vanished.TryRemove(region, out _);

    public bool IsRemoved(string region) => vanished.ContainsKey(region);

    public void Reset()
    {
        actions.Clear();
        vanished.Clear();
    }

    internal ActionFaults? Find(string action) => actions.GetValueOrDefault(action);
}
