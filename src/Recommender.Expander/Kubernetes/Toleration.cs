namespace Recommender.Expander.Kubernetes;

/// <summary>A pod toleration: <see cref="Operator"/> Equal (the default) or Exists; an empty effect matches every effect.</summary>
public sealed record Toleration(string Key, string Operator, string Value, string Effect)
{
    /// <summary>Kubernetes' <c>ToleratesTaint</c>: same effect (or any), then an empty key with Exists, or the same key and value.</summary>
    public bool Tolerates(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (Effect.Length > 0 && !string.Equals(Effect, taint.Effect, StringComparison.Ordinal))
        {
            return false;
        }

        if (Key.Length == 0)
        {
            return Operator == "Exists";
        }

        if (!string.Equals(Key, taint.Key, StringComparison.Ordinal))
        {
            return false;
        }

        return Operator switch
        {
            "Exists" => true,
            "" or "Equal" => string.Equals(Value, taint.Value, StringComparison.Ordinal),
            _ => false,
        };
    }
}
