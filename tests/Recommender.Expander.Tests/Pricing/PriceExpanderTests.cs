using Google.Protobuf;
using Recommender.Core.Catalog;
using Recommender.Expander.Pricing;
using Recommender.Testing.Builders;
using static Recommender.Expander.Tests.KubeObjects;
using static Recommender.Testing.Builders.InstanceTypes;

namespace Recommender.Expander.Tests.Pricing;

public sealed class PriceExpanderTests
{
    private static readonly Dictionary<string, string> Spot = new() { ["node.alibabacloud.com/spot-strategy"] = "SpotAsPriceGo" };

    private static readonly CatalogSnapshot Snapshot = new CatalogBuilder()
        .WithRegion(
        [
            New("ecs.g7.large", WithPrice(0.10m), WithSpotPrice("cn-test-a", 0.03m), WithSpotPrice("cn-test-b", 0.05m), SoldOutIn("cn-test-c")),
            New("ecs.r7.large", WithResources(2, 16), WithPrice(0.10m)),
            New("ecs.g7.xlarge", WithResources(4, 16), WithPrice(0.20m)),
            New("ecs.c7.large", WithResources(2, 4), WithPrice(0.08m)),
        ])
        .WithRegion([New("ecs.g7.large", WithPrice(0.50m))], region: "cn-other", zones: ["cn-other-a"])
        .Build();

    private static PriceExpander Expander(string? defaultRegion = null) =>
        new(new TestCatalog(Snapshot), new TemplatePricer("alibaba", defaultRegion));

    private static ExpanderDecision Choose(params Offer[] offers) => Expander().Choose(Requests.Of(offers), CancellationToken.None);

    private static string[] Chosen(ExpanderDecision decision, params Offer[] offers) => [.. decision.Chosen.Select(i => offers[i].Group)];

    [Fact]
    public void The_cheapest_option_wins()
    {
        Offer[] offers =
        [
            new("general", 1, Template("ecs.g7.large", cpu: "2", memory: "8589934592"), Requests.Pods(2)),
            new("compute", 1, Template("ecs.c7.large", cpu: "2", memory: "4294967296"), Requests.Pods(2)),
            new("big", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Requests.Pods(2)),
        ];

        var decision = Choose(offers);

        Assert.Equal(DecisionBasis.Cheapest, decision.Basis);
        Assert.Equal(["compute"], Chosen(decision, offers));
        Assert.Equal(0.08m, decision.Assessments[1].HourlyCost);
    }

    [Fact]
    public void Ties_are_all_kept_in_request_order()
    {
        Offer[] offers =
        [
            new("memory", 1, Template("ecs.r7.large", memory: "17179869184"), Requests.Pods(2)),
            new("big", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Requests.Pods(2)),
            new("general", 1, Template("ecs.g7.large"), Requests.Pods(2)),
        ];

        Assert.Equal(["memory", "general"], Chosen(Choose(offers), offers));
    }

    [Fact]
    public void A_spot_template_is_priced_at_its_zones_spot_price()
    {
        Offer[] offers =
        [
            new("compute", 1, Template("ecs.c7.large", zone: "cn-test-a", memory: "4294967296"), Requests.Pods(2)),
            new("general-on-demand", 1, Template("ecs.g7.large", zone: "cn-test-a"), Requests.Pods(2)),
            new("general-spot-b", 1, Template("ecs.g7.large", zone: "cn-test-b", labels: Spot), Requests.Pods(2)),
            new("general-spot-a", 1, Template("ecs.g7.large", zone: "cn-test-a", labels: Spot), Requests.Pods(2)),
        ];

        var decision = Choose(offers);

        Assert.Equal(["general-spot-a"], Chosen(decision, offers));
        Assert.Equal([0.08m, 0.10m, 0.05m, 0.03m], decision.Assessments.Select(a => a.HourlyCost!.Value));
        Assert.Equal(CapacityType.Spot, decision.Assessments[3].Price!.CapacityType);
    }

    [Theory]
    [InlineData("karpenter.sh/capacity-type", "spot")]
    [InlineData("alibabacloud.com/spot-instance", "true")]
    [InlineData("node.alibabacloud.com/spot-strategy", "SpotWithPriceLimit")]
    public void Other_spot_labels_are_read(string key, string value)
    {
        var decision = Choose(new Offer("g", 1, Template("ecs.g7.large", zone: "cn-test-b", labels: new Dictionary<string, string> { [key] = value }), Requests.Pods(1)));

        Assert.Equal(0.05m, decision.Assessments[0].HourlyCost);
    }

    [Fact]
    public void NoSpot_is_on_demand_and_spot_without_a_zone_takes_the_cheapest_stocked_zone()
    {
        var noSpot = Choose(new Offer("g", 1, Template("ecs.g7.large", zone: "cn-test-a",
            labels: new Dictionary<string, string> { ["node.alibabacloud.com/spot-strategy"] = "NoSpot" }), Requests.Pods(1)));
        var anyZone = Choose(new Offer("g", 1, Template("ecs.g7.large", zone: null, labels: Spot), Requests.Pods(1)));
        var noSpotPrice = Choose(new Offer("r", 1, Template("ecs.r7.large", zone: "cn-test-a", labels: Spot), Requests.Pods(1)));

        Assert.Equal(0.10m, noSpot.Assessments[0].HourlyCost);
        Assert.Equal(0.03m, anyZone.Assessments[0].HourlyCost);
        Assert.Null(anyZone.Assessments[0].Price!.Zone);
        Assert.Equal(0.10m, noSpotPrice.Assessments[0].HourlyCost);
    }

    [Fact]
    public void The_region_comes_from_the_template_then_its_zone_then_the_default()
    {
        var byLabel = Choose(new Offer("o", 1, Template("ecs.g7.large", region: "cn-other"), Requests.Pods(1)));
        var byZone = Choose(new Offer("o", 1, Template("ecs.g7.large", region: null, zone: "cn-other-a"), Requests.Pods(1)));
        var byDefault = Expander(defaultRegion: "cn-other").Choose(
            Requests.Of(new Offer("o", 1, Template("ecs.g7.large", region: null), Requests.Pods(1))), CancellationToken.None);
        var none = Choose(new Offer("o", 1, Template("ecs.g7.large", region: null), Requests.Pods(1)));

        Assert.All([byLabel, byZone, byDefault], d => Assert.Equal(0.50m, d.Assessments[0].HourlyCost));
        Assert.Contains("no alibaba region", none.Assessments[0].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_sold_out_in_the_templates_zone_goes_after_those_in_stock()
    {
        Offer[] offers =
        [
            new("sold-out", 1, Template("ecs.g7.large", zone: "cn-test-c"), Requests.Pods(1)),
            new("in-stock", 1, Template("ecs.g7.xlarge", zone: "cn-test-c", cpu: "4", memory: "17179869184"), Requests.Pods(1)),
        ];

        var decision = Choose(offers);

        Assert.Equal(["in-stock"], Chosen(decision, offers));
        Assert.False(decision.Assessments[0].Price!.InStock);
    }

    [Fact]
    public void Nodes_needed_beyond_CAs_count_are_paid_for()
    {
        // Six pods of 3 GiB: one per ecs.c7.large (4 GiB), five per ecs.g7.xlarge (16 GiB). CA's count of 1 hides that.
        Offer[] offers =
        [
            new("compute", 1, Template("ecs.c7.large", memory: "4294967296"), Requests.Pods(6, cpu: "500m", memory: "3Gi")),
            new("big", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Requests.Pods(6, cpu: "500m", memory: "3Gi")),
        ];

        var decision = Choose(offers);

        Assert.Equal(["big"], Chosen(decision, offers));
        Assert.Equal([6, 2], decision.Assessments.Select(a => a.NodesNeeded!.Value));
        Assert.Equal([0.48m, 0.40m], decision.Assessments.Select(a => a.HourlyCost!.Value));
    }

    [Fact]
    public void An_option_that_places_more_pods_may_cost_more()
    {
        Offer[] offers =
        [
            new("one-pod", 1, Template("ecs.c7.large", memory: "4294967296"), Requests.Pods(1, cpu: "1")),
            new("four-pods", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Requests.Pods(4, cpu: "1")),
        ];

        var decision = Choose(offers);

        Assert.Equal(["four-pods"], Chosen(decision, offers));
        Assert.Equal([0.08m, 0.05m], decision.Assessments.Select(a => a.Score!.Value));
    }

    [Fact]
    public void Pods_that_cannot_run_on_a_template_put_it_after_those_they_can()
    {
        var gpuOnly = new Dictionary<string, string> { ["accelerator"] = "gpu" };
        var taint = Taint("dedicated", "batch", "NoSchedule");
        Offer[] offers =
        [
            new("selector", 1, Template("ecs.c7.large", memory: "4294967296"), Pending("p", nodeSelector: gpuOnly)),
            new("tainted", 1, Template("ecs.c7.large", memory: "4294967296", taints: [taint]), Pending("p")),
            new("too-small", 1, Template("ecs.c7.large", memory: "4294967296"), Pending("p", cpu: "3")),
            new("fits", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Pending("p")),
        ];

        var decision = Choose(offers);

        Assert.Equal(["fits"], Chosen(decision, offers));
        Assert.All(decision.Assessments.Take(3), a => Assert.Null(a.NodesNeeded));
    }

    [Fact]
    public void A_toleration_or_a_matching_label_lets_the_pod_run()
    {
        var tolerating = Pending("p", tolerations: [Toleration("dedicated", "Equal", "batch", "NoSchedule")]);
        var selecting = Pending("p", nodeSelector: new Dictionary<string, string> { ["pool"] = "batch" });
        var template = Template("ecs.c7.large", memory: "4294967296", labels: new Dictionary<string, string> { ["pool"] = "batch" },
            taints: [Taint("dedicated", "batch", "NoSchedule"), Taint("soft", "x", "PreferNoSchedule")]);

        var decision = Choose(new Offer("tainted", 1, template, tolerating), new Offer("labelled", 1, template.Clone(), selecting.Clone()));

        Assert.Equal(1, decision.Assessments[0].NodesNeeded);
        Assert.Null(decision.Assessments[1].NodesNeeded); // the taint repels the pod without toleration
    }

    [Fact]
    public void Unknown_types_and_missing_templates_are_skipped_when_something_else_is_priced()
    {
        Offer[] offers =
        [
            new("unknown-type", 1, Template("ecs.zz9.large"), Requests.Pods(1)),
            new("no-template", 1, null, Requests.Pods(1)),
            new("priced", 1, Template("ecs.g7.xlarge", cpu: "4", memory: "17179869184"), Requests.Pods(1)),
        ];

        var decision = Choose(offers);

        Assert.Equal(["priced"], Chosen(decision, offers));
        Assert.Contains("ecs.zz9.large is not in the catalog", decision.Assessments[0].Problem, StringComparison.Ordinal);
        Assert.Equal("no template node for the node group", decision.Assessments[1].Problem);
    }

    [Fact]
    public void When_nothing_can_be_priced_every_offered_option_is_returned()
    {
        Offer[] offers =
        [
            new("unknown-type", 1, Template("ecs.zz9.large"), Requests.Pods(1)),
            new("no-template", 1, null, Requests.Pods(1)),
            new("no-type-label", 1, new Wire.Node { Metadata = new Wire.ObjectMeta { Name = "bare" } }, Requests.Pods(1)),
        ];

        var decision = Choose(offers);

        Assert.Equal(DecisionBasis.AllOffered, decision.Basis);
        Assert.Equal(["unknown-type", "no-template", "no-type-label"], Chosen(decision, offers));
    }

    [Fact]
    public void Undecodable_templates_and_pods_are_skipped_not_fatal()
    {
        var request = Requests.Of(
            new Offer("broken-template", 1, null, Requests.Pods(1)),
            new Offer("broken-pod", 1, Template("ecs.c7.large", memory: "4294967296"), Requests.Pods(2)));
        request.NodeBytesMap["broken-template"] = ByteString.CopyFrom(0x0a, 0x7f, 0x01);
        request.Options[1].PodBytes.Add(ByteString.CopyFrom(0xff, 0xff));

        var decision = Expander().Choose(request, CancellationToken.None);

        Assert.Equal([1], decision.Chosen);
        Assert.StartsWith("undecodable template node", decision.Assessments[0].Problem, StringComparison.Ordinal);
        Assert.Equal((2, 1), (decision.Assessments[1].Pods, decision.Assessments[1].SkippedPods));
        Assert.Equal(2, decision.SkippedEntries);
    }

    [Fact]
    public void No_options_get_an_empty_answer()
    {
        var decision = Choose();

        Assert.Equal(DecisionBasis.NoOptions, decision.Basis);
        Assert.Empty(decision.Chosen);
    }

    [Fact]
    public void Both_field_generations_together_count_each_pod_and_template_once()
    {
        var request = Requests.Of(new Offer("g", 1, Template("ecs.c7.large", memory: "4294967296"), Requests.Pods(3, cpu: "1")));
        request.NodeMap["g"] = request.NodeBytesMap["g"];
        request.Options[0].Pod.AddRange(request.Options[0].PodBytes);

        var assessment = Expander().Choose(request, CancellationToken.None).Assessments[0];

        Assert.Equal(3, assessment.Pods);
        Assert.Equal(2, assessment.NodesNeeded);
    }

    [Fact]
    public void A_cancelled_call_stops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Expander().Choose(Requests.Of(new Offer("g", 1, Template("ecs.g7.large"), Requests.Pods(1))), cancelled.Token));
    }
}
