namespace Recommender.Emulators.Alibaba;

/// <summary>The CS APIs' own errors (contract §4.5, lower-case shape), with the codes the contract lists.</summary>
internal static class CsErrors
{
    public static AcsError Missing(string field) => new(400, "MissingParameter", $"{field} is mandatory for this action.") { Business = true };

    public static AcsError Invalid(string field, string why) => new(400, "InvalidParameter", $"The specified parameter {field} is not valid: {why}") { Business = true };

    public static AcsError ClusterNotFound(string id) => new(404, "ErrorClusterNotFound", $"The cluster {id} was not found.") { Business = true };

    public static AcsError NodePoolNotFound(string id) => new(404, "ErrorNodePoolNotFound", $"The node pool {id} was not found.") { Business = true };

    /// <summary>Not in the contract: the emulator's guess for an unknown task id.</summary>
    public static AcsError TaskNotFound(string id) => new(404, "ErrorTaskNotFound", $"The task {id} was not found.") { Business = true };

    public static AcsError WrongState(string what, string state, string action) =>
        new(400, "ErrorClusterState", $"{action} is not allowed while {what} is {state}.") { Business = true };
}
