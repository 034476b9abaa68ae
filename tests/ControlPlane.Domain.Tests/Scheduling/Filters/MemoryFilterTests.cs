using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class MemoryFilterTests
{
    [Fact]
    public void Accepts_RequestFillsHostExactly_Passes()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192)], [Build.Vm("a", "h1", 4096)]);

        Assert.True(new MemoryFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", 4096))));
    }

    [Fact]
    public void Accepts_RequestLargerThanFree_RejectsWithFreeAndNeeded()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192)], [Build.Vm("a", "h1", 6144)]);
        var context = Build.Context(snapshot, Build.Request("n", 4096));
        var filter = new MemoryFilter();

        Assert.False(filter.Accepts(Build.Load(snapshot, "h1"), context));
        Assert.Equal("2048 MiB free, 4096 MiB needed", filter.Explain(Build.Load(snapshot, "h1"), context));
    }

    [Fact]
    public void Accepts_OvercommittedVmsReserveLess_CountsReservedMemoryOnly()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", memoryMiB: 8192)], [Build.Vm("a", "h1", 8192, reservedMiB: 4096)]);

        Assert.True(new MemoryFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", 8192, reservedMiB: 4096))));
    }
}
