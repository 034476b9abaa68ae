using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class HostStateFilterTests
{
    [Theory]
    [InlineData(SchedulerHostState.Connected, true)]
    [InlineData(SchedulerHostState.Maintenance, false)]
    [InlineData(SchedulerHostState.Unreachable, false)]
    public void Accepts_HostState_OnlyConnectedPasses(SchedulerHostState state, bool expected)
    {
        var snapshot = Build.Snapshot([Build.Host("h1", state: state)], []);
        var filter = new HostStateFilter();

        Assert.Equal(expected, filter.Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n"))));
    }
}
