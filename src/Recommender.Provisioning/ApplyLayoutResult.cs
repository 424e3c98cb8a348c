using Recommender.Provisioning.Operations;
using Recommender.Provisioning.Plans;

namespace Recommender.Provisioning;

/// <summary>
/// The plan for a layout as the cluster stands now, with its hourly price change; and the operation that carries it
/// out, null for a dry run. The operation plans again when it runs, as the cluster may have changed in between.
/// </summary>
public sealed record ApplyLayoutResult(LayoutPlan Plan, ProvisioningOperation? Operation);
