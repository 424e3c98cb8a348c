using Recommender.Core.Catalog;

namespace Recommender.Solver.Tests;

public sealed class NodeReservationTests
{
    [Theory]
    [InlineData(1, 60)]
    [InlineData(2, 70)]
    [InlineData(4, 80)]
    [InlineData(8, 90)]
    [InlineData(64, 230)]
    [InlineData(3, 75)]
    [InlineData(5, 83)] // 80 + 2.5, rounded up
    public void Cpu_reservation_follows_the_tiers(int vcpu, long reservedMillicores) =>
        Assert.Equal(reservedMillicores, NodeReservation.ReservedMillicores(vcpu));

    [Theory]
    [InlineData(1024, 256 + 100)]
    [InlineData(4096, 1024 + 100)]
    [InlineData(8192, 1024 + 820 + 100)] // 819.2 rounded up
    [InlineData(16384, 2663 + 100)]
    [InlineData(131072, 9544 + 100)] // 2662.4 + 6% of 112 GiB (6881.28), rounded up
    [InlineData(262144, 12166 + 100)] // + 2% of 128 GiB (2621.44)
    public void Memory_reservation_follows_the_tiers_plus_eviction(long capacityMiB, long reservedMiB) =>
        Assert.Equal(reservedMiB, NodeReservation.ReservedMemoryMiB(capacityMiB));

    [Fact]
    public void Allocatable_is_capacity_minus_reservation()
    {
        var type = new TestCatalog().Add("ecs.g7.xlarge", 4, 16, 0.2m).Build().InstanceTypes[0].Type;
        Assert.Equal(3920, NodeReservation.AllocatableMillicores(type));
        Assert.Equal(16384 - 2763, NodeReservation.AllocatableMemoryMiB(type));
    }

    [Fact]
    public void Allocatable_grows_with_size()
    {
        long previousCpu = 0, previousMemory = 0;
        for (var size = 1; size <= 512; size *= 2)
        {
            var cpu = (size * 1000L) - NodeReservation.ReservedMillicores(size);
            var memory = (size * 1024L) - NodeReservation.ReservedMemoryMiB(size * 1024L);
            Assert.True(cpu > previousCpu && memory > previousMemory);
            (previousCpu, previousMemory) = (cpu, memory);
        }
    }
}
