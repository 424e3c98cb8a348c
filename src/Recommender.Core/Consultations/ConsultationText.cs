namespace Recommender.Core.Consultations;

/// <summary>Bounds the summaries kept in the decision log, so one consultation stays small whatever was asked.</summary>
public static class ConsultationText
{
    /// <summary>Most characters of each summary (input, answer, why).</summary>
    public const int MaxLength = 2_000;

    /// <summary>Longest cluster or organisation label kept.</summary>
    public const int MaxLabelLength = 200;

    /// <summary><paramref name="text"/> cut to <paramref name="max"/> characters, ending in an ellipsis when cut.</summary>
    public static string Bound(string text, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
