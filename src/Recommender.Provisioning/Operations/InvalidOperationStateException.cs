using Recommender.Core.Errors;

namespace Recommender.Provisioning.Operations;

/// <summary>The operation is in a state that does not allow the request (retry a running one, roll back a delete…).</summary>
public sealed class InvalidOperationStateException(string id, OperationState state, string message)
    : RecommenderException(message)
{
    public string OperationId { get; } = id;

    public OperationState State { get; } = state;

    public override string Code => ProvisioningErrorCodes.InvalidOperationState;

    public override IReadOnlyDictionary<string, object?> Details => new Dictionary<string, object?>
    {
        ["id"] = OperationId,
        ["state"] = State.ToString(),
    };
}
