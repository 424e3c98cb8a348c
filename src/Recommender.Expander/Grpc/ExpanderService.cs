using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Recommender.Expander.Pricing;

namespace Recommender.Expander.Grpc;

/// <summary>
/// <c>grpcplugin.Expander</c>: answers CA's <c>BestOptions</c> with the cheapest option(s) (<see cref="PriceExpander"/>),
/// and tells <see cref="IExpanderConsultations"/> (the decision log) about each answer.
/// </summary>
public sealed class ExpanderService(
    PriceExpander expander, ExpanderMetrics metrics, IExpanderConsultations consultations, ILogger<ExpanderService> logger) : ExpanderServiceBase
{
    public override Task<BestOptionsResponse> BestOptions(BestOptionsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var callId = context.GetHttpContext().TraceIdentifier;
        var started = Stopwatch.GetTimestamp();
        if (request.Options.Count > 0 && request.Options.All(o => o.NodeGroupId.Length == 0))
        {
            const string reason = "no option names a node group (Option.nodeGroupId, field 1)";
            ExpanderLog.Refused(logger, callId, reason);
            metrics.Record("invalid_argument", Stopwatch.GetElapsedTime(started));
            throw new RpcException(new Status(StatusCode.InvalidArgument, reason));
        }

        ExpanderDecision decision;
        try
        {
            decision = expander.Choose(request, context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // Cancelled by the call's deadline (grpc-timeout) or by CA resetting the stream (its own deadline, usually).
            var elapsed = Stopwatch.GetElapsedTime(started);
            var deadlinePassed = DateTime.UtcNow >= context.Deadline;
            ExpanderLog.Cancelled(logger, callId, deadlinePassed ? "deadline passed" : "client went away", elapsed.TotalMilliseconds);
            metrics.Record(deadlinePassed ? "deadline_exceeded" : "cancelled", elapsed);
            throw deadlinePassed
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the options were priced."))
                : new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled before the options were priced."));
        }

        var response = new BestOptionsResponse();
        foreach (var index in decision.Chosen)
        {
            var offered = request.Options[index];
            // CA reads only the id; the pods are left out so the answer stays small.
            response.Options.Add(new Option { NodeGroupId = offered.NodeGroupId, NodeCount = offered.NodeCount, Debug = offered.Debug });
        }

        var took = Stopwatch.GetElapsedTime(started);
        Log(callId, request, decision, response, took);
        consultations.Record(callId, request, decision);
        metrics.Record(Outcome(decision.Basis), took);
        return Task.FromResult(response);
    }

    private static string Outcome(DecisionBasis basis) => basis switch
    {
        DecisionBasis.NoOptions => "no_options",
        DecisionBasis.Cheapest => "cheapest",
        DecisionBasis.CheapestOfPriced => "cheapest_of_priced",
        _ => "all_offered",
    };

    private static string Fields(BestOptionsRequest request)
    {
        var bytesFields = request.NodeBytesMap.Count > 0 || request.Options.Any(o => o.PodBytes.Count > 0);
        var embedded = request.NodeMap.Count > 0 || request.Options.Any(o => o.Pod.Count > 0);
        return (bytesFields, embedded) switch
        {
            (true, true) => "fields 2-5, CA 1.34.2-1.34.5",
            (true, false) => "fields 3/5, CA 1.35+",
            (false, true) => "fields 2/4, CA 1.24-1.34",
            _ => "no templates or pods",
        };
    }

    private void Log(string callId, BestOptionsRequest request, ExpanderDecision decision, BestOptionsResponse response, TimeSpan took)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var pods = request.Options.Sum(o => Math.Max(o.PodBytes.Count, o.Pod.Count));
            var templates = Math.Max(request.NodeBytesMap.Count, request.NodeMap.Count);
            var chosen = string.Join(", ", response.Options.Select(o => o.NodeGroupId));
            ExpanderLog.Decided(logger, callId, request.Options.Count, templates, pods, Fields(request), decision.Basis, chosen,
                took.TotalMilliseconds);
            foreach (var a in decision.Assessments.Where(a => a.Problem is not null))
            {
                ExpanderLog.Unpriced(logger, callId, a.NodeGroupId, a.Problem!);
            }
        }

        if (decision.SkippedEntries > 0)
        {
            ExpanderLog.Skipped(logger, callId, decision.SkippedEntries, decision.FirstSkipReason ?? "");
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var a in decision.Assessments.Where(a => a.Price is not null))
            {
                ExpanderLog.Priced(logger, callId, a.NodeGroupId, a.Price!.Offering.Name, a.Price.CapacityType, a.Price.Zone ?? "any zone",
                    a.NodesNeeded?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "pods do not fit", a.NodeCount,
                    a.HourlyCost ?? 0, a.Score ?? 0, a.Price.InStock);
            }
        }
    }
}
