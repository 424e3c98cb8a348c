namespace Recommender.Core.Catalog;

/// <summary>Whether a zone can sell the type right now (ECS DescribeAvailableResource's StatusCategory, folded to two).</summary>
public enum StockStatus
{
    WithStock,
    SoldOut,
}
