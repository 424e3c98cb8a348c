namespace Recommender.Emulators.Alibaba;

/// <summary>
/// Everything the CS emulator knows: clusters (with their pools and nodes) and tasks. Not thread-safe by itself: every
/// action holds <see cref="Gate"/>. States are derived from the clock on every read (nothing runs in the background);
/// what is gone is forgotten on the next read.
/// </summary>
internal sealed class CsCloud(TimeProvider time, CsTimings timings, EmulatorCatalog catalog)
{
    private readonly List<CsCluster> clusters = [];
    private readonly Dictionary<string, CsTask> tasks = new(StringComparer.Ordinal);

    public Lock Gate { get; } = new();

    public CsTimings Timings => timings;

    public EmulatorCatalog Catalog => catalog;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Clusters that still exist (deleting ones included), oldest first.</summary>
    public IReadOnlyList<CsCluster> Clusters(DateTimeOffset now)
    {
        clusters.RemoveAll(c => c.Settle(now));
        return clusters;
    }

    public CsCluster Cluster(string id, DateTimeOffset now) =>
        Clusters(now).FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal)) ?? throw CsErrors.ClusterNotFound(id);

    public void Add(CsCluster cluster) => clusters.Add(cluster);

    public CsTask AddTask(string type, string clusterId, string targetId, string targetType, DateTimeOffset now, DateTimeOffset doneAt, string? failureCode, IReadOnlyList<string>? instances = null)
    {
        var task = new CsTask
        {
            Id = CsJson.NewId("T-", 24),
            Type = type,
            ClusterId = clusterId,
            TargetId = targetId,
            TargetType = targetType,
            Created = now,
            DoneAt = doneAt,
            FailureCode = failureCode,
            Instances = instances ?? [],
        };
        tasks[task.Id] = task;
        return task;
    }

    public CsTask Task(string id) => tasks.GetValueOrDefault(id) ?? throw CsErrors.TaskNotFound(id);
}
