using Recommender.Core.Errors;

namespace Recommender.Scrapers.Tests.Fakes;

/// <summary>A classified provider error, as the real adapter would throw it.</summary>
public sealed class FakeCloudException(string code, bool transient) : RecommenderException($"{code} from the fake")
{
    public override string Code { get; } = code;

    public override bool IsTransient { get; } = transient;
}
