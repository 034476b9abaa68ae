using ControlPlane.Domain.Scheduling.Planning;
using ControlPlane.Domain.Scheduling.Policies;

namespace ControlPlane.Domain.Tests.Scheduling.Planning;

public class HotspotPlannerTests
{
    [Fact]
    public void Plan_SeedExample_ProducesTheAhvPlan()
    {
        var plan = HotspotPlanner.Plan(Build.SeedExample());

        Assert.Equal(
            [new PlannedMove("e1", "h3", "h2", 8192, MoveReason.MakeRoom), new PlannedMove("a", "h1", "h3", 4096, MoveReason.Hotspot)],
            plan.Moves);
        Assert.Equal(12288, plan.CostMiB);
        Assert.True(plan.Resolved);
        Assert.Equal(2, plan.Waves.Count);
    }

    [Fact]
    public void Plan_NoHotHost_IsEmpty()
    {
        var plan = HotspotPlanner.Plan(Build.Snapshot([Build.Host("h1")], [Build.Vm("a", "h1", cpu: 8.5)]));

        Assert.Empty(plan.Moves);
        Assert.True(plan.Resolved);
    }

    [Fact]
    public void Plan_VmTooBigForEveryHost_ReportsUnresolved()
    {
        var plan = HotspotPlanner.Plan(Build.Snapshot([Build.Host("h1"), Build.Host("h2")], [Build.Vm("a", "h1", cpu: 9.0)]));

        Assert.Empty(plan.Moves);
        Assert.Equal(PlanIssueKind.NotEnoughResources, Assert.Single(plan.Issues).Kind);
    }

    [Fact]
    public void Plan_UnmovableVms_StayPut()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2")],
            [Build.Vm("a", "h1", 2048, cpu: 2, movable: false), Build.Vm("b", "h1", 8192, cpu: 7)]);

        var move = Assert.Single(HotspotPlanner.Plan(snapshot).Moves);

        Assert.Equal("b", move.VmId);
    }

    [Fact]
    public void Plan_MustAntiAffinity_NeverSendsVmToPartner()
    {
        var snapshot = Build.Snapshot([Build.Host("h1"), Build.Host("h2"), Build.Host("h3")],
            [Build.Vm("a", "h1", 2048, cpu: 5, categories: ["app=db"]), Build.Vm("b", "h1", 2048, cpu: 4),
             Build.Vm("c", "h2", 1024, cpu: 0.5, categories: ["app=db"]), Build.Vm("d", "h3", 30720, cpu: 1)],
            Build.AntiAffinity("aa", Enforcement.Must, "app=db"));

        var plan = HotspotPlanner.Plan(snapshot);

        Assert.True(plan.Resolved);
        Assert.DoesNotContain(plan.Moves, m => m.VmId == "a" && m.To == "h2");
    }

    [Fact]
    public void Plan_LargeCluster_UsesGreedyAndResolves()
    {
        var hosts = Enumerable.Range(1, 40).Select(i => Build.Host($"h{i}", cores: 16, memoryMiB: 131072)).ToArray();
        var vms = hosts.SelectMany((h, i) => Enumerable.Range(0, 4).Select(j => Build.Vm($"v{i}-{j}", h.Id, 4096 * (j + 1), cpu: i < 3 ? 3.8 : 1.5))).ToArray();

        var plan = HotspotPlanner.Plan(Build.Snapshot(hosts, vms));

        Assert.True(plan.Resolved);
        Assert.Equal(3, plan.Moves.Count);
        Assert.Equal(1.0, plan.CostRatio);
    }
}
