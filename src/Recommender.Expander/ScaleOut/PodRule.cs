namespace Recommender.Expander.ScaleOut;

/// <summary>How the pending pods' fit was decided.</summary>
public enum PodRule
{
    /// <summary>No pods were given: the aggregate demand only.</summary>
    None,

    /// <summary>
    /// Up to <see cref="ScaleOutProblem.ExactPodLimit"/> pods: each pod is assigned to an option in the model, and the
    /// pods of each option are packed first-fit decreasing onto its added nodes (more nodes if the packing needs them).
    /// </summary>
    Packed,

    /// <summary>Beyond that: every pod fits on an empty node of some option the change uses (the largest-pod rule, per pod).</summary>
    LargestPod,
}
