namespace Recommender.Api.GraphQL.Cost;

/// <summary>
/// What executing a selection set would cost, measured on the document without expanding fragments: each fragment is
/// measured once and its figures are added wherever it is spread. Doubles saturate instead of overflowing, so a
/// fragment bomb of 2^40 fields measures as 2^40, not as a wrapped-around small number.
/// </summary>
/// <param name="Complexity">Fields resolved, each list multiplied by its page size or estimated length.</param>
/// <param name="Fields">Field selections after fragment expansion: what validation walks (not multiplied by lists).</param>
/// <param name="Depth">Deepest field nesting after fragment expansion.</param>
/// <param name="Solves">Solver runs the selection asks for (fields marked with <see cref="CostMetadata.CountsAsSolve"/>).</param>
/// <param name="Volatile">
/// A root field of the selection is not catalog data (<see cref="CostMetadata.IsCatalogData"/>): its answer may change
/// without the catalog changing, so it must not be cached.
/// </param>
public readonly record struct OperationCost(double Complexity, double Fields, int Depth, double Solves, bool Volatile = false)
{
    public static OperationCost None => default;

    /// <summary>Both selections side by side (siblings in one selection set).</summary>
    public OperationCost Plus(OperationCost other) => new(
        Complexity + other.Complexity, Fields + other.Fields, Math.Max(Depth, other.Depth), Solves + other.Solves, Volatile || other.Volatile);
}
