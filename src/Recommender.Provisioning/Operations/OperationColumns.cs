using System.Data.Common;
using Recommender.Core.Cloud;

namespace Recommender.Provisioning.Operations;

/// <summary>The columns both SQL stores keep an operation in, in the order <see cref="Read"/> expects them.</summary>
internal static class OperationColumns
{
    public const string Table = "provisioning_operations";

    public const string List =
        "id, organization, kind, idempotency_key, state, credential_organization, credential_name, input, steps, " +
        "created_at, updated_at, version, lease_owner, lease_expires_at";

    /// <summary>
    /// The ACK cluster an operation's steps name first (the one it created, scales or deletes), kept in the indexed
    /// <c>cluster_id</c> column so <see cref="IOperationStore.FindClusterOrganizationsAsync"/> needs no scan.
    /// </summary>
    public static string? ClusterOf(IReadOnlyList<OperationStep> steps) =>
        steps.Select(s => s.ClusterId).FirstOrDefault(id => !string.IsNullOrEmpty(id));

    /// <summary>The operation in the current row; <paramref name="time"/> reads a timestamp column the store's way.</summary>
    public static ProvisioningOperation Read(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time)
    {
        var credentialName = reader.IsDBNull(6) ? null : reader.GetString(6);
        return new ProvisioningOperation
        {
            Id = reader.GetString(0),
            Organization = reader.GetString(1),
            Kind = Enum.Parse<OperationKind>(reader.GetString(2)),
            IdempotencyKey = reader.IsDBNull(3) ? null : reader.GetString(3),
            State = Enum.Parse<OperationState>(reader.GetString(4)),
            Credentials = credentialName is null
                ? null
                : CredentialReference.OfOrganization(reader.GetString(5), credentialName),
            Input = reader.GetString(7),
            Steps = OperationStepsJson.Deserialize(reader.GetString(8)),
            CreatedAt = time(reader, 9),
            UpdatedAt = time(reader, 10),
            Version = reader.GetInt64(11),
            LeaseOwner = reader.IsDBNull(12) ? null : reader.GetString(12),
            LeaseExpiresAt = reader.IsDBNull(13) ? null : time(reader, 13),
        };
    }
}
