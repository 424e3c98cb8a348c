using Recommender.Core.Catalog;
using Recommender.Core.Recommendations;

namespace Recommender.Api.Recommendations;

/// <summary>An answer given unproven, to be improved in the background until <paramref name="Deadline"/>.</summary>
/// <param name="Caller">Whose place the recommendation holds (store updates are made in it).</param>
/// <param name="Stored">The recommendation as stored at answer time.</param>
/// <param name="Catalog">The catalog snapshot the answer was computed from: the proof is of the same problem.</param>
/// <param name="ReceivedAt">When the request arrived (<see cref="TimeProvider.GetTimestamp"/>): proof times count from it.</param>
/// <param name="Deadline">When the request's whole budget (Solver:TimeLimit from its arrival) ends, same clock.</param>
public sealed record ProofJob(string Caller, StoredRecommendation Stored, RegionCatalog Catalog, long ReceivedAt, long Deadline);
