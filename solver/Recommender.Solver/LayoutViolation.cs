namespace Recommender.Solver;

/// <summary>A rule of a request that a layout breaks.</summary>
/// <param name="Rule">The request field (or "instanceType"/"price") the rule comes from, e.g. <c>maxNodes</c>.</param>
public sealed record LayoutViolation(string Rule, string Message);
