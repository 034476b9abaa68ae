using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class CpuThresholdFilterTests
{
    [Theory]
    [InlineData(1.5, true)]
    [InlineData(1.51, false)]
    public void Accepts_PlacementCrossingThreshold_Rejects(double cpu, bool expected)
    {
        var snapshot = Build.Snapshot([Build.Host("h1", cores: 10)], [Build.Vm("a", "h1", cpu: 7.0)]);

        Assert.Equal(expected, new CpuThresholdFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", cpu: cpu))));
    }
}
