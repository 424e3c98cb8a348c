namespace Recommender.Core.Recommendations;

/// <summary>Whether a stored recommendation may still change (see <see cref="StoredRecommendation.ProvingUntil"/>).</summary>
public enum ProofState
{
    /// <summary>A background solve is still working on it: read it again later for a better or proven answer.</summary>
    Proving,

    /// <summary>Nothing will change it any more: proven, out of time, waited for, or not continued.</summary>
    Done,
}
