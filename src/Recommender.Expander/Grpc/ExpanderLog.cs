using Microsoft.Extensions.Logging;
using Recommender.Expander.Pricing;

namespace Recommender.Expander.Grpc;

/// <summary>The decision log: one line per call with what CA asked and what we answered, and why when it was not a price.</summary>
internal static partial class ExpanderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message =
        "BestOptions {CallId}: {Options} options, {Templates} templates, {Pods} pods ({Fields}); {Basis}: [{Chosen}] in {ElapsedMs:0.0} ms")]
    public static partial void Decided(
        ILogger logger, string callId, int options, int templates, int pods, string fields, DecisionBasis basis, string chosen, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "BestOptions {CallId}: option {NodeGroupId} not priced: {Problem}")]
    public static partial void Unpriced(ILogger logger, string callId, string nodeGroupId, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message =
        "BestOptions {CallId}: option {NodeGroupId} {InstanceType} {CapacityType} in {Zone}: {Nodes} nodes (CA {NodeCount}), {Cost}/h, score {Score}, in stock {InStock}")]
    public static partial void Priced(
        ILogger logger, string callId, string nodeGroupId, string instanceType, CapacityType capacityType, string zone, string nodes,
        int nodeCount, decimal cost, decimal score, bool inStock);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BestOptions {CallId}: skipped {Count} undecodable templates or pods; first: {Reason}")]
    public static partial void Skipped(ILogger logger, string callId, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BestOptions {CallId}: refused: {Reason}")]
    public static partial void Refused(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message =
        "cluster-autoscaler expander: gRPC over TLS (HTTP/2) on {Address}:{Port}. The API's own addresses are listened on "
        + "explicitly next to it, so Kestrel's 'Overriding address(es)' warning about them is expected")]
    public static partial void Listening(ILogger logger, string address, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "BestOptions {CallId}: the call was cancelled ({Cause}) after {ElapsedMs:0.0} ms; no answer")]
    public static partial void Cancelled(ILogger logger, string callId, string cause, double elapsedMs);
}
