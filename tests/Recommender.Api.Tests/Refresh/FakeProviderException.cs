using Recommender.Core.Errors;

namespace Recommender.Api.Tests.Refresh;

/// <summary>A classified provider error, as a real adapter throws it.</summary>
public sealed class FakeProviderException(string code, bool transient) : RecommenderException($"{code} from the fake provider")
{
    public override string Code { get; } = code;

    public override bool IsTransient { get; } = transient;
}
