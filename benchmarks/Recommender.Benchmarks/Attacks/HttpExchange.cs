namespace Recommender.Benchmarks.Attacks;

/// <summary>One request and what came back: status, body size, and the errors read from the body.</summary>
internal sealed record HttpExchange(long RequestBytes, int Status, long ResponseBytes, ResponseErrors Errors, bool StackTrace);
