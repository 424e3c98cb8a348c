using System.Text.Json;
using Recommender.Core.Errors;

namespace Recommender.Provisioning.Operations;

/// <summary>What every store checks and normalises the same way, so that they all behave alike.</summary>
internal static class OperationRules
{
    /// <summary>The states a replica may claim (once no live lease is on them).</summary>
    public static readonly IReadOnlyList<OperationState> Runnable = [OperationState.Pending, OperationState.Running, OperationState.RollingBack];

    /// <summary>UTC, to the microsecond (what PostgreSQL's timestamptz holds): every store keeps exactly this.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    public static DateTimeOffset? Normalize(DateTimeOffset? time) => time is { } value ? Normalize(value) : null;

    /// <summary>The operation as a store keeps it on creation: version 1, no lease, times normalised; or why not.</summary>
    public static ProvisioningOperation ForCreate(ProvisioningOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation.Organization);
        if (operation.IdempotencyKey is { } key && string.IsNullOrWhiteSpace(key))
        {
            throw new ValidationException("idempotencyKey", "must not be blank; leave it out for no deduplication.");
        }

        if (operation.Credentials is { } credentials && credentials.Organization != operation.Organization)
        {
            throw new ValidationException("credentials", "must name a secret of the operation's own organisation.");
        }

        RequireJson("input", operation.Input);
        return operation with
        {
            Version = 1,
            LeaseOwner = null,
            LeaseExpiresAt = null,
            CreatedAt = Normalize(operation.CreatedAt),
            UpdatedAt = Normalize(operation.UpdatedAt),
            Steps = ForSave(operation.Steps),
        };
    }

    /// <summary>The steps as a store keeps them: times normalised, outputs checked to be JSON.</summary>
    public static IReadOnlyList<OperationStep> ForSave(IReadOnlyList<OperationStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var normalized = new OperationStep[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i] ?? throw new ArgumentException($"Step {i} is null.", nameof(steps));
            ArgumentException.ThrowIfNullOrWhiteSpace(step.Name, $"{nameof(steps)}[{i}].{nameof(step.Name)}");
            if (step.Output is { } output)
            {
                RequireJson($"steps[{i}].output", output);
            }

            normalized[i] = step with { StartedAt = Normalize(step.StartedAt), FinishedAt = Normalize(step.FinishedAt) };
        }

        return normalized;
    }

    /// <summary>True when <paramref name="candidate"/> asks for what <paramref name="existing"/> already asked for.</summary>
    public static bool IsSameRequest(ProvisioningOperation existing, ProvisioningOperation candidate)
    {
        if (existing.Kind != candidate.Kind || existing.Credentials != candidate.Credentials)
        {
            return false;
        }

        using var a = JsonDocument.Parse(existing.Input);
        using var b = JsonDocument.Parse(candidate.Input);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }

    /// <summary>The refusal of a repeated idempotency key that came with a different request.</summary>
    public static ConflictException KeyReused(ProvisioningOperation existing) => new(
        "idempotencyKey",
        existing.IdempotencyKey ?? existing.Id,
        $"Idempotency key '{existing.IdempotencyKey}' was already used for operation {existing.Id} with a different request.",
        currentVersion: existing.Version);

    public static ConflictException IdTaken(string id) => new("operation", id, $"An operation with id {id} already exists.");

    public static ConflictException Stale(string id, long expectedVersion, long currentVersion) => new(
        "operation",
        id,
        $"Operation {id} is at version {currentVersion}, not {expectedVersion}: another write came first.",
        expectedVersion,
        currentVersion);

    public static NotFoundException NotFound(string id) => new("operation", id);

    public static void CheckLease(string owner, TimeSpan leaseDuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
    }

    public static void CheckQuery(OperationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > OperationQuery.MaxLimit)
        {
            throw new ValidationException("limit", $"must be between 1 and {OperationQuery.MaxLimit}.");
        }
    }

    private static void RequireJson(string argument, string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ValidationException(argument, "must be a JSON document.");
        }

        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ValidationException(argument, $"is not a JSON document ({e.Message}).");
        }
    }
}
