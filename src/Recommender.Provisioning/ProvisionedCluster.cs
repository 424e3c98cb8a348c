using Recommender.Provisioning.Inputs;

namespace Recommender.Provisioning;

/// <summary>
/// A cluster the service created for an organisation: from the operation that created it, its state as ACK reports
/// it now (<c>deleted</c> when ACK no longer knows it, <c>unknown</c> when ACK could not be asked) and its hourly price
/// from our catalog (null when a pool's type has no price there).
/// </summary>
public sealed record ProvisionedCluster(
    string ClusterId,
    string Name,
    string Region,
    ClusterKind Kind,
    string State,
    int? NodeCount,
    decimal? HourlyPrice,
    string? Currency,
    string OperationId,
    DateTimeOffset CreatedAt);
