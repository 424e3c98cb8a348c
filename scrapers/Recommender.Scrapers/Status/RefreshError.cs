namespace Recommender.Scrapers.Status;

/// <summary>Why the last attempt failed. <see cref="Code"/> is the RecommenderException code (or a scraper code).</summary>
/// <param name="VendorCode">The provider's own error code (e.g. <c>Throttling.User</c>) when a cloud API call failed.</param>
public sealed record RefreshError(string Code, string Message, bool IsTransient, DateTimeOffset At, string? VendorCode = null);
