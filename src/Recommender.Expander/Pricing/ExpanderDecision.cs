namespace Recommender.Expander.Pricing;

/// <summary>The options chosen (positions in the request, in request order) and how each option was seen.</summary>
/// <param name="SkippedEntries">Templates and pods that could not be decoded, skipped (each logged once per call).</param>
/// <param name="FirstSkipReason">The first decoding problem, for the log.</param>
public sealed record ExpanderDecision(
    DecisionBasis Basis,
    IReadOnlyList<int> Chosen,
    IReadOnlyList<OptionAssessment> Assessments,
    int SkippedEntries,
    string? FirstSkipReason);
