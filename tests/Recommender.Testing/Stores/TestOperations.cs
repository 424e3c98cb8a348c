using Recommender.Core.Cloud;
using Recommender.Provisioning.Operations;

namespace Recommender.Testing.Stores;

/// <summary>Operations and steps for store tests.</summary>
public static class TestOperations
{
    /// <summary>A time with microseconds in it (what stores keep exactly), at which the tests' clocks start.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    /// <summary>An organisation id no other test uses.</summary>
    public static string NewOrganization(string prefix = "org") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>The organisation's secret the operation reads its credentials from.</summary>
    public static CredentialReference Credentials(string organization) =>
        CredentialReference.OfOrganization(organization, new string('a', 64));

    /// <summary>A pending operation created at <paramref name="createdAt"/> (default <see cref="Start"/>).</summary>
    public static ProvisioningOperation Operation(
        string organization,
        string? idempotencyKey = null,
        OperationKind kind = OperationKind.CreateCluster,
        string? input = null,
        DateTimeOffset? createdAt = null,
        IReadOnlyList<OperationStep>? steps = null) =>
        ProvisioningOperation.New(
            organization,
            kind,
            input ?? """{"clusterName":"prod","regionId":"cn-hangzhou","pools":[{"name":"general","instanceType":"ecs.g7.xlarge","count":3}]}""",
            createdAt ?? Start,
            idempotencyKey,
            Credentials(organization),
            steps ?? CreateClusterSteps());

    /// <summary>The steps of a cluster creation with two pools, none started.</summary>
    public static IReadOnlyList<OperationStep> CreateClusterSteps() =>
    [
        new() { Name = "ReadCredentials" },
        new() { Name = "CreateCluster" },
        new() { Name = "WaitClusterRunning" },
        new() { Name = "CreateClusterNodePool", NodePool = "general" },
        new() { Name = "CreateClusterNodePool", NodePool = "spot" },
        new() { Name = "WaitNodePoolActive", NodePool = "general" },
        new() { Name = "WaitNodePoolActive", NodePool = "spot" },
        new() { Name = "Done" },
    ];

    /// <summary>Steps with every field set, times to the microsecond, and messages in many scripts.</summary>
    public static IReadOnlyList<OperationStep> FilledSteps(DateTimeOffset at) =>
    [
        new()
        {
            Name = "CreateCluster",
            State = OperationStepState.Succeeded,
            StartedAt = at,
            FinishedAt = at.AddTicks(4_567_890),
            Attempts = 2,
            ClusterId = "c8f0e1d2a3b4c5d6e7f8091a2b3c4d5e6",
            TaskId = "T-5faa48fb31b6b8078d000006",
            Output = """{"request_id":"7A4D1C2E","note":"第二次成功 ✓"}""",
        },
        new()
        {
            Name = "CreateClusterNodePool",
            State = OperationStepState.Failed,
            NodePool = "gpu-池",
            StartedAt = at.AddSeconds(90).AddTicks(10),
            FinishedAt = at.AddSeconds(91),
            Attempts = 3,
            ClusterId = "c8f0e1d2a3b4c5d6e7f8091a2b3c4d5e6",
            NodePoolId = "np-0123456789abcdef",
            VendorCode = "ErrQuotaExceeded",
            VendorMessage = "配额不足: quota ecs.gn7i 'vCPU' exceeded — Квота превышена; \"quoted\" \\back\\slash\nnew line\ttab 🚀👩‍💻 مرحبا e\u0301",
            VendorRequestId = "E2B9C6A1-4D3F-5E6A-8B7C-9D0E1F2A3B4C",
        },
        new() { Name = "WaitNodePoolActive", NodePool = "gpu-池" },
    ];
}
