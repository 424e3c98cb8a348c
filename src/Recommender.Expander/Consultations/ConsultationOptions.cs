namespace Recommender.Expander.Consultations;

/// <summary>The decision log's settings (section <c>Consultations</c>).</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Consultations";

    /// <summary>How long a consultation is kept (default 7 days).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Most consultations kept in memory, over every cluster (the oldest go first); Redis keeps them all until they expire.</summary>
    public int MaxInMemory { get; set; } = 10_000;

    /// <summary>Cluster label of the gRPC expander's consultations (CA does not say which cluster it runs in).</summary>
    public string ExpanderCluster { get; set; } = "cluster-autoscaler";

    /// <summary>Organisation of the expander's cluster, when it belongs to one (then reading its log needs membership).</summary>
    public string? ExpanderOrganization { get; set; }
}
