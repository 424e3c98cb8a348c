namespace Recommender.Scrapers.Status;

/// <summary>Why the last attempt failed. <see cref="Code"/> is the RecommenderException code (or a scraper code).</summary>
public sealed record RefreshError(string Code, string Message, bool IsTransient, DateTimeOffset At);
