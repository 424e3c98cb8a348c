namespace Recommender.Benchmarks.Attacks;

/// <summary>One attack on the GraphQL endpoint: its name, what it sends, and how.</summary>
internal abstract class Attack
{
    /// <summary>Short stable name, used by <c>--only</c>.</summary>
    public abstract string Name { get; }

    /// <summary>One line: what is sent and what it targets.</summary>
    public abstract string Description { get; }

    /// <summary>Request body size, known before sending (reported when the attack times out).</summary>
    public abstract long RequestBytes { get; }

    /// <summary>Takes minutes or more on an unprotected service; <c>--skip-slow</c> leaves it out.</summary>
    public virtual bool IsSlow => false;

    /// <summary>
    /// Sends the attack and reads the answer. <paramref name="timeout"/> fires at the client timeout: the attack then
    /// hangs up and either throws <see cref="OperationCanceledException"/> or returns <see cref="AttackResult.Timeout"/>.
    /// </summary>
    public abstract Task<AttackResult> RunAsync(AttackTarget target, CancellationToken timeout);
}
