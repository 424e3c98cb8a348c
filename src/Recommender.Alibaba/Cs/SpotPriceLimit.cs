namespace Recommender.Alibaba.Cs;

/// <summary>One <c>spot_price_limit[]</c> entry; the API takes the hourly price as a string.</summary>
public sealed record SpotPriceLimit(string InstanceType, string PriceLimit);
