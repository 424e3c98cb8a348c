namespace Recommender.Core.Errors;

/// <summary>
/// Base of every error we mean to show a client. <see cref="Code"/> becomes GraphQL <c>extensions.code</c>;
/// anything that is not a RecommenderException is reported as <c>INTERNAL</c> and logged.
/// </summary>
public abstract class RecommenderException : Exception
{
    protected RecommenderException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public abstract string Code { get; }

    /// <summary>True when the same call may succeed later (Npgsql's IsTransient idea).</summary>
    public virtual bool IsTransient => false;

    /// <summary>
    /// Machine-readable details shown next to <see cref="Code"/> (GraphQL <c>extensions</c>), so clients need not parse
    /// the message; null when there are none.
    /// </summary>
    public virtual IReadOnlyDictionary<string, object?>? Details => null;
}
