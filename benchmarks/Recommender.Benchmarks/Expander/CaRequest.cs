using System.Globalization;
using Google.Protobuf;
using Recommender.Core.Catalog;
using Recommender.Expander.Grpc;

namespace Recommender.Benchmarks.Expander;

/// <summary>
/// A BestOptionsRequest as CA 1.35 sends it under scale-up pressure: every option with its template (an Alibaba
/// template as CA's alicloud provider builds it, plus node pool labels) and its pending pods, each a full Deployment
/// pod as the API server stores it (metadata, one container with image, ports, env, probes' worth of fields, requests
/// and limits, default tolerations, an Unschedulable condition): about 900 bytes a pod, about 9 MB for 50 options of 200 pods.
/// </summary>
public static class CaRequest
{
    public static BestOptionsRequest Create(RegionCatalog region, int options, int podsPerOption, bool distinctPods, int seed = 7)
    {
        var random = new Random(seed);
        var types = region.InstanceTypes.Where(o => o.Type.GpuCount == 0 && o.Type.Vcpu is >= 4 and <= 64).OrderBy(_ => random.Next()).Take(options).ToList();
        var shared = Enumerable.Range(0, podsPerOption).Select(i => ByteString.CopyFrom(Pod(i, random))).ToList();
        var request = new BestOptionsRequest();
        for (var i = 0; i < options; i++)
        {
            var group = $"asg-bp1{i:D4}k3xq9z";
            var offering = types[i % types.Count];
            var zone = region.Region.Zones[i % region.Region.Zones.Count].Id;
            var option = new Option { NodeGroupId = group, NodeCount = 1 + random.Next(8), Debug = $"{group}: expansion option" };
            option.PodBytes.AddRange(distinctPods
                ? Enumerable.Range(0, podsPerOption).Select(p => ByteString.CopyFrom(Pod((i * podsPerOption) + p, random)))
                : shared);
            request.Options.Add(option);
            request.NodeBytesMap[group] = ByteString.CopyFrom(Template(group, offering.Type, region.Region.Id, zone, spot: i % 3 == 0));
        }

        return request;
    }

    private static byte[] Template(string group, InstanceType type, string region, string zone, bool spot)
    {
        var name = $"{group}-asg-{type.Vcpu * 7919}";
        return new ProtoWriter()
            .Message(1, m =>
            {
                m.String(1, name).String(2, "").String(3, "").String(4, $"/api/v1/nodes/{name}").String(5, "").String(6, "").Int64(7, 0)
                    .Message(8, _ => { });
                foreach (var (k, v) in new[]
                {
                    ("kubernetes.io/arch", "amd64"), ("kubernetes.io/os", "linux"), ("node.kubernetes.io/instance-type", type.Name),
                    ("topology.kubernetes.io/region", region), ("topology.kubernetes.io/zone", zone), ("kubernetes.io/hostname", name),
                    ("alibabacloud.com/nodepool-id", $"np{group[4..]}"), ("workload", "web"),
                    ("node.alibabacloud.com/spot-strategy", spot ? "SpotAsPriceGo" : "NoSpot"),
                })
                {
                    m.Entry(11, k, v);
                }
            })
            .Message(2, s => s.String(1, "").String(3, ""))
            .Message(3, s =>
            {
                foreach (var (resource, quantity) in new[]
                {
                    ("cpu", type.Vcpu.ToString(CultureInfo.InvariantCulture)),
                    ("memory", ((long)(type.MemoryGiB * 1024 * 1024 * 1024)).ToString(CultureInfo.InvariantCulture)),
                    ("pods", "110"), ("nvidia.com/gpu", "0"),
                })
                {
                    s.Quantity(1, resource, quantity).Quantity(2, resource, quantity);
                }

                s.String(3, "").Message(4, c => c.String(1, "Ready").String(2, "True"));
                s.Message(7, info =>
                {
                    for (var f = 1; f <= 10; f++)
                    {
                        info.String(f, "");
                    }
                });
            })
            .ToArray();
    }

    private static byte[] Pod(int index, Random random)
    {
        var name = $"checkout-7d9f8c6b5-{index:x5}";
        var cpu = $"{(1 + random.Next(8)) * 250}m";
        var memory = $"{(1 + random.Next(8)) * 512}Mi";
        return new ProtoWriter()
            .Message(1, m => m
                .String(1, name).String(2, "checkout-7d9f8c6b5-").String(3, "shop").String(5, Guid.NewGuid().ToString())
                .String(6, (4_000_000 + index).ToString(CultureInfo.InvariantCulture))
                .Message(8, t => t.Int64(1, 1_780_000_000 + index))
                .Entry(11, "app", "checkout").Entry(11, "pod-template-hash", "7d9f8c6b5")
                .Message(13, o => o.String(5, "apps/v1").String(1, "ReplicaSet").String(3, "checkout-7d9f8c6b5").String(4, Guid.NewGuid().ToString())))
            .Message(2, s =>
            {
                s.Message(1, v => v.String(1, "kube-api-access-x7k2p"));
                s.Message(2, c => c
                    .String(1, "checkout").String(2, "registry.cn-hangzhou.aliyuncs.com/acme/checkout:1.42.0")
                    .Message(6, p => p.String(1, "http").Int64(3, 8080).String(4, "TCP"))
                    .Message(7, e => e.String(1, "JAVA_OPTS").String(2, "-XX:MaxRAMPercentage=75"))
                    .Message(8, r => r.Quantity(1, "cpu", cpu).Quantity(1, "memory", memory).Quantity(2, "cpu", cpu).Quantity(2, "memory", memory))
                    .Message(9, vm => vm.String(1, "kube-api-access-x7k2p").String(3, "/var/run/secrets/kubernetes.io/serviceaccount"))
                    .String(13, "/dev/termination-log").String(14, "IfNotPresent").String(20, "File"));
                s.String(3, "Always").Int64(4, 30).String(6, "ClusterFirst").Entry(7, "kubernetes.io/os", "linux")
                    .String(8, "default").String(9, "default").String(19, "default-scheduler");
                s.Message(22, t => t.String(1, "node.kubernetes.io/not-ready").String(2, "Exists").String(4, "NoExecute").Int64(5, 300));
                s.Message(22, t => t.String(1, "node.kubernetes.io/unreachable").String(2, "Exists").String(4, "NoExecute").Int64(5, 300));
            })
            .Message(3, st => st
                .String(1, "Pending")
                .Message(2, c => c.String(1, "PodScheduled").String(2, "False").String(5, "Unschedulable")
                    .String(6, "0/12 nodes are available: 12 Insufficient cpu. preemption: 0/12 nodes are available."))
                .String(10, "Guaranteed"))
            .ToArray();
    }
}
