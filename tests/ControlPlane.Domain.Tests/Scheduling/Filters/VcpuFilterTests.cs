using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class VcpuFilterTests
{
    [Fact]
    public void Accepts_MoreVcpusThanHostCores_Rejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", cores: 4)], []);

        Assert.False(new VcpuFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", vcpus: 5))));
    }

    [Fact]
    public void Accepts_AllocationRatioExhausted_Rejects()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", cores: 4)], [Build.Vm("a", "h1", vcpus: 4), Build.Vm("b", "h1", vcpus: 4),
            Build.Vm("c", "h1", vcpus: 4), Build.Vm("d", "h1", vcpus: 3)]);
        var filter = new VcpuFilter();

        Assert.True(filter.Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", vcpus: 1))));
        Assert.False(filter.Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", vcpus: 2))));
    }
}
