using Grpc.Core;
using Recommender.Testing.Builders;
using static Recommender.Expander.Tests.KubeObjects;

namespace Recommender.Expander.Tests.Grpc;

public sealed class MessageLimitTests
{
    [Fact]
    public async Task A_request_over_the_limit_is_RESOURCE_EXHAUSTED()
    {
        await using var host = await ExpanderHost.StartAsync(
            new CatalogBuilder().WithRegion([InstanceTypes.New("ecs.g7.large")]).Build(),
            new Dictionary<string, string?> { ["Expander:MaxReceiveMessageBytes"] = "1048576" });
        var pod = Pending("annotated");
        pod.Metadata.Annotations.Add("note", new string('x', 600 * 1024));
        var request = Requests.Of(new Offer("g", 1, Template("ecs.g7.large"), pod, pod));

        var error = await Assert.ThrowsAsync<RpcException>(() => host.BestOptionsAsync(request));

        Assert.True(request.CalculateSize() > 1048576);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
