using Recommender.Core.Cloud;

namespace Recommender.Provisioning.Operations;

/// <summary>
/// A durable request to change an organisation's cloud (create a cluster, apply a layout, delete a cluster), carried
/// out step by step by whichever replica holds its lease. Only a <see cref="CredentialReference"/> (the organisation's
/// secret id) is kept, never a secret value; <see cref="Input"/> must not hold one either.
/// </summary>
public sealed record ProvisioningOperation
{
    /// <summary>Globally unique; <see cref="New"/> makes a time-ordered one.</summary>
    public required string Id { get; init; }

    /// <summary>The owning organisation: every read names it, and another organisation's operation is not found.</summary>
    public required string Organization { get; init; }

    public required OperationKind Kind { get; init; }

    /// <summary>
    /// The client's key for this request, unique per organisation: creating again with the same key returns the first
    /// operation. Null: no deduplication.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    public OperationState State { get; init; } = OperationState.Pending;

    /// <summary>The organisation's secret the steps read the cloud credentials from; its organisation is <see cref="Organization"/>.</summary>
    public CredentialReference? Credentials { get; init; }

    /// <summary>The request (cluster spec, layout…) as a JSON document; opaque to stores, kept verbatim, never changed.</summary>
    public required string Input { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the operation was last saved or claimed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>1 when created, one more on every save and claim; what <see cref="IOperationStore.SaveAsync"/> compares.</summary>
    public long Version { get; init; }

    /// <summary>The replica working on it, until <see cref="LeaseExpiresAt"/>; null when nobody is.</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<OperationStep> Steps { get; init; } = [];

    /// <summary>A new pending operation with a fresh time-ordered id, created and updated at <paramref name="now"/>.</summary>
    public static ProvisioningOperation New(
        string organization,
        OperationKind kind,
        string input,
        DateTimeOffset now,
        string? idempotencyKey = null,
        CredentialReference? credentials = null,
        IReadOnlyList<OperationStep>? steps = null) => new()
        {
            Id = Guid.CreateVersion7(now).ToString(),
            Organization = organization,
            Kind = kind,
            IdempotencyKey = idempotencyKey,
            Credentials = credentials,
            Input = input,
            CreatedAt = now,
            UpdatedAt = now,
            Steps = steps ?? [],
        };
}
