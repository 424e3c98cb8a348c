using Google.Protobuf;
using Recommender.Expander.Grpc;
using Recommender.Expander.Tests.Wire;

namespace Recommender.Expander.Tests;

/// <summary>One offered option: a node group, CA's node count, its template (null: none in the map) and its pods.</summary>
public sealed record Offer(string Group, int Count, Node? Template, params Pod[] Pods);

/// <summary>BestOptionsRequest as CA 1.35+ sends it (fields 1, 3 and 5).</summary>
public static class Requests
{
    public static BestOptionsRequest Of(params Offer[] offers)
    {
        var request = new BestOptionsRequest();
        foreach (var offer in offers)
        {
            var option = new Option { NodeGroupId = offer.Group, NodeCount = offer.Count, Debug = $"{offer.Group} debug" };
            option.PodBytes.AddRange(offer.Pods.Select(p => p.ToByteString()));
            request.Options.Add(option);
            if (offer.Template is not null)
            {
                request.NodeBytesMap[offer.Group] = offer.Template.ToByteString();
            }
        }

        return request;
    }

    /// <summary><paramref name="count"/> pods of the same size, named <c>p0</c>, <c>p1</c>…</summary>
    public static Pod[] Pods(int count, string cpu = "500m", string memory = "1Gi") =>
        [.. Enumerable.Range(0, count).Select(i => KubeObjects.Pending($"p{i}", cpu, memory))];
}
