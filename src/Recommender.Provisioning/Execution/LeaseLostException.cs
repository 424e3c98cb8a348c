namespace Recommender.Provisioning.Execution;

/// <summary>A save found the operation changed by someone else (another replica claimed it): this replica must stop at once.</summary>
internal sealed class LeaseLostException(string operationId, Exception inner)
    : Exception($"Operation {operationId} was changed by another writer; this replica no longer holds it.", inner);
