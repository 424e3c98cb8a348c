namespace Recommender.Provisioning.Operations;

/// <summary>One page of operations, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record OperationPage(IReadOnlyList<ProvisioningOperation> Items, string? NextCursor);
