using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Recommender.Core.Consultations;
using Recommender.Core.Recommendations;
using Recommender.Expander.Grpc;
using Recommender.Expander.Pricing;
using Recommender.Expander.ScaleOut;

namespace Recommender.Expander.Consultations;

/// <summary>
/// Writes each consultation (a scale-out or a BestOptions call) to the decision log and as one line to the service
/// log. A log that cannot keep it (Redis down) costs a warning, never the autoscaler's answer.
/// </summary>
public sealed class ConsultationRecorder(
    IConsultationLog log, TimeProvider time, IOptions<ConsultationOptions> options, ILogger<ConsultationRecorder> logger) : IExpanderConsultations
{
    /// <summary>Options and alternatives listed in a summary before "and N more".</summary>
    private const int Listed = 12;

    public async Task<Consultation> RecordScaleOutAsync(ScaleOutRequest request, ScaleOutResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var best = result.Plans.Count > 0 ? result.Plans[0] : null;
        var consultation = New(ConsultationKind.ScaleOut, request.Organization, request.ClusterId ?? "", result.CatalogVersion,
            ScaleOutInput(request), best is null ? "no change" : Describe(best), ScaleOutWhy(result), Status(result.Status),
            best?.AddedHourlyPrice);
        await KeepAsync(consultation, ct).ConfigureAwait(false);
        return consultation;
    }

    public void Record(string callId, BestOptionsRequest request, ExpanderDecision decision)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(decision);
        var o = options.Value;
        var chosen = decision.Chosen.Select(i => decision.Assessments[i]).ToList();
        var version = decision.Assessments.FirstOrDefault(a => a.Price is not null)?.Price!.Region.Version ?? 0;
        var input = new StringBuilder(FormattableString.Invariant($"call {callId}: {request.Options.Count} options: "));
        input.AppendJoin(", ", request.Options.Take(Listed).Select(x => $"{x.NodeGroupId} +{x.NodeCount} ({Math.Max(x.PodBytes.Count, x.Pod.Count)} pods)"));
        More(input, request.Options.Count);
        var why = new StringBuilder($"{decision.Basis}: ");
        why.AppendJoin("; ", decision.Assessments.Take(Listed).Select(a => a.Price is { } p
            ? FormattableString.Invariant($"{a.NodeGroupId} {p.Offering.Name} {p.CapacityType} {a.NodesNeeded?.ToString(CultureInfo.InvariantCulture) ?? "no fit"} nodes {a.HourlyCost:0.####}/h score {a.Score:0.####}")
            : $"{a.NodeGroupId} not priced: {a.Problem}"));
        More(why, decision.Assessments.Count);
        var consultation = New(ConsultationKind.Expander, o.ExpanderOrganization, o.ExpanderCluster, version, input.ToString(),
            chosen.Count == 0 ? "no option" : string.Join(", ", chosen.Select(a => a.NodeGroupId)), why.ToString(), decision.Basis.ToString(),
            chosen.Count > 0 && chosen.All(a => a.HourlyCost is not null) ? chosen.Min(a => a.HourlyCost) : null);
        // CA's call must not wait for the store (Redis): in memory this completes at once, elsewhere it finishes on its own.
        _ = KeepAsync(consultation, CancellationToken.None);
    }

    private Consultation New(ConsultationKind kind, string? organization, string cluster, long version, string input, string answer, string why,
        string outcome, decimal? added)
    {
        var now = time.GetUtcNow();
        return new Consultation(Guid.NewGuid().ToString("N"), kind, organization is null ? null : ConsultationText.Bound(organization, ConsultationText.MaxLabelLength),
            ConsultationText.Bound(cluster, ConsultationText.MaxLabelLength), now, now + options.Value.Retention, version,
            ConsultationText.Bound(input), ConsultationText.Bound(answer), ConsultationText.Bound(why), outcome, added);
    }

    private async Task KeepAsync(Consultation c, CancellationToken ct)
    {
        ConsultationLog.Recorded(logger, c.Kind.ToString(), c.Id, c.Organization ?? "-", c.Cluster, c.Outcome, c.AddedHourlyPrice, c.CatalogVersion,
            c.Input, c.Answer, c.Why);
        try
        {
            await log.RecordAsync(c, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ConsultationLog.NotKept(logger, e, c.Id);
        }
    }

    private static string ScaleOutInput(ScaleOutRequest r)
    {
        var text = new StringBuilder(FormattableString.Invariant($"{r.Provider}/{r.Region}; +{r.Cpu} vCPU, +{r.MemoryGiB} GiB, +{r.Gpus} GPUs"));
        if (r.Pods.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {r.Pods.Sum(p => (long)p.Count)} pending pods");
        }

        text.Append(CultureInfo.InvariantCulture, $"; onDemandPct {r.OnDemandPct}; new pools {(r.AllowNewPools ? r.MaxNewPools?.ToString(CultureInfo.InvariantCulture) ?? "any" : "no")}; pools: ");
        text.AppendJoin(", ", r.Pools.Take(Listed).Select(p => FormattableString.Invariant(
            $"{p.Name} {p.InstanceType} {p.CapacityType} {p.NodeCount}/{(p.CanGrow ? p.MaxSize?.ToString(CultureInfo.InvariantCulture) ?? "-" : "fixed")}")));
        More(text, r.Pools.Count);
        return text.ToString();
    }

    private static string ScaleOutWhy(ScaleOutResult result)
    {
        var d = result.Demand;
        var text = new StringBuilder(FormattableString.Invariant(
            $"{result.OptionsCompared} options compared; spare used {Math.Min(d.SpareMilliCpu, d.RequestedMilliCpu) / 1000.0} vCPU, "))
            .Append(FormattableString.Invariant($"{Math.Min(d.SpareMemoryMiB, d.RequestedMemoryMiB) / 1024.0:0.###} GiB; pods {result.PodRule}"));
        if (result.Plans.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; best adds {result.Plans[0].AddedHourlyPrice:0.####}/h, bound {result.LowerBound:0.####}");
        }

        if (result.Plans.Count > 1)
        {
            text.Append("; alternatives ").AppendJoin(", ", result.Plans.Skip(1).Select(p => p.AddedHourlyPrice.ToString("0.####", CultureInfo.InvariantCulture)));
        }

        text.Append(result.Baseline is { } b
            ? FormattableString.Invariant($"; growing only {b.Pool} ({b.InstanceType}) by {b.NodesAdded} would add {b.AddedHourlyPrice:0.####}/h")
            : "; no single pool can meet it alone");
        if (result.Explanation is { } explanation)
        {
            text.Append("; ").Append(explanation);
        }

        return text.ToString();
    }

    private static string Describe(ScaleOutPlan plan) => plan.Changes.Count == 0
        ? "no change (spare capacity covers it)"
        : string.Join(", ", plan.Changes.Select(c => FormattableString.Invariant(
            $"{(c.IsNew ? "add" : "grow")} {c.Pool} {c.InstanceType} {c.CapacityType} +{c.NodesAdded} at {c.UnitPrice:0.####}/h")));

    private static string Status(RecommendationStatus status) => status switch
    {
        RecommendationStatus.Optimal => "OPTIMAL",
        RecommendationStatus.Feasible => "FEASIBLE",
        RecommendationStatus.Infeasible => "INFEASIBLE",
        _ => "TIMED_OUT",
    };

    private static void More(StringBuilder text, int count)
    {
        if (count > Listed)
        {
            text.Append(CultureInfo.InvariantCulture, $" and {count - Listed} more");
        }
    }
}
