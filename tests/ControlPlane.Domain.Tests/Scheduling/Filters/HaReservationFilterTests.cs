using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Filters;

namespace ControlPlane.Domain.Tests.Scheduling.Filters;

public class HaReservationFilterTests
{
    [Fact]
    public void Accepts_VmThatBreaksOneHostReservation_RejectsEveryHost()
    {
        var settings = new SchedulerSettings(HaHostFailures: 1);
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2"), Build.Host("h3")],
            [Build.Vm("a", "h1", 16384), Build.Vm("b", "h2", 16384)], settings: settings);
        var filter = new HaReservationFilter();

        Assert.True(filter.Accepts(Build.Load(snapshot, "h3"), Build.Context(snapshot, Build.Request("fits", 32768))));
        Assert.False(filter.Accepts(Build.Load(snapshot, "h3"), Build.Context(snapshot, Build.Request("breaks", 32769))));
    }

    [Fact]
    public void Accepts_NoReservation_AlwaysPasses()
    {
        var snapshot = Build.Snapshot([Build.Host("h1")], [Build.Vm("a", "h1", 30000)]);

        Assert.True(new HaReservationFilter().Accepts(Build.Load(snapshot, "h1"), Build.Context(snapshot, Build.Request("n", 2000))));
    }
}
