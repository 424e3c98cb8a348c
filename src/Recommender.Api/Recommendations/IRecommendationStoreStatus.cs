namespace Recommender.Api.Recommendations;

/// <summary>What <c>/readyz</c> and the metrics say about the recommendation store; cheap, no I/O.</summary>
public interface IRecommendationStoreStatus
{
    RecommendationStoreHealth GetHealth();
}
