using ControlPlane.Domain.Scheduling;
using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class HaPlannerTests
{
    private static readonly SchedulerSettings OneFailure = new(HaHostFailures: 1);

    [Fact]
    public void Check_EnoughFreeMemoryForAnyHost_IsGuaranteed()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2"), Build.Host("h3")],
            [Build.Vm("a", "h1", 16384), Build.Vm("b", "h2", 16384)], settings: OneFailure);

        var report = HaPlanner.Check(snapshot);

        Assert.True(report.Guaranteed);
        Assert.Equal(65536, report.ReserveMiB);
        Assert.Equal(16384, report.RequiredMiB);
    }

    [Fact]
    public void Check_FragmentedFreeMemory_FindsFailingHostAndReservationPlanFixesIt()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2"), Build.Host("h3")],
            [Build.Vm("big", "h1", 20480), Build.Vm("x", "h2", 16384), Build.Vm("y", "h3", 16384)], settings: OneFailure);

        Assert.Equal(["h1"], Assert.Single(HaPlanner.Check(snapshot).FailingHostSets));
        var plan = HaPlanner.PlanReservation(snapshot);

        Assert.True(plan.Resolved);
        Assert.True(HaPlanner.Check(plan.ApplyTo(snapshot)).Guaranteed);
    }

    [Fact]
    public void Admission_VmBreakingOneHostReservation_IsRefused()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")], [Build.Vm("a", "h1", 16384)], settings: OneFailure);

        var decision = Assert.IsType<Unplaceable>(Scheduler.Default.Place(snapshot, Build.Request("n", 20480)));

        Assert.Equal(1, decision.Rejections["MemoryFilter"]);
        Assert.Equal(1, decision.Rejections["HaReservationFilter"]);
        Assert.IsType<Placed>(Scheduler.Default.Place(snapshot, Build.Request("n", 16384)));
    }

    [Fact]
    public void PlanRestart_UnreachableHost_RestartsItsVmsRespectingMustRules()
    {
        var snapshot = Build.Snapshot([Build.Host("h1", state: SchedulerHostState.Unreachable), Build.Host("h2"), Build.Host("h3")],
            [Build.Vm("a", "h1", categories: ["app=db"]), Build.Vm("b", "h1"), Build.Vm("c", "h2", 1024, categories: ["app=db"])],
            Build.AntiAffinity("aa", Enforcement.Must, "app=db"));

        var plan = HaPlanner.PlanRestart(snapshot);

        Assert.Equal(2, plan.Moves.Count);
        Assert.All(plan.Moves, m => Assert.Equal(MoveReason.HaRestart, m.Reason));
        Assert.Equal("h3", plan.Moves.Single(m => m.VmId == "a").To);
        Assert.True(plan.Resolved);
    }
}
